using Doorstep.Data;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NetVips;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 点位图: the area's own plan picture with its fixed points and open spots drawn on it (Leaflet in
/// CRS.Simple: coordinates are the picture's pixels, no tiles from anywhere, works offline).
/// </summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class MapModel(DoorstepDb db, FileIntake intake, IFileStore store, TimeProvider clock) : PageModel
{
    public sealed record Marker(string Kind, string Label, double X, double Y, string? Link);

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public int AreaId { get; private set; }
    public string AreaName { get; private set; } = "";
    public AreaPlan? Plan { get; private set; }
    public bool MayUpload { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Task<IActionResult> OnGetAsync(int? areaId) => ShowAsync(areaId);

    /// <summary>The plan picture itself, within the user's scope.</summary>
    public async Task<IActionResult> OnGetPlanAsync(int areaId)
    {
        var plan = await db.InScope<AreaPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.AreaId == areaId);
        var file = plan is null ? null : await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == plan.StoredFileId);
        return file is null ? NotFound() : new StoredFileResult(file);
    }

    /// <summary>Points and open spots with a position on the plan, as JSON for the map script.</summary>
    public async Task<IActionResult> OnGetMarkersAsync(int areaId)
    {
        var points = await db.InScope<InspectionPoint>().AsNoTracking()
            .Where(p => p.AreaId == areaId && !p.Retired && p.PlanX != null && p.PlanY != null)
            .Select(p => new { p.Name, p.PlanX, p.PlanY }).ToListAsync();
        var spots = await db.InScope<ProblemSpot>().AsNoTracking()
            .Where(s => s.AreaId == areaId && ProblemSpot.Open.Contains(s.Status) && s.PlanX != null && s.PlanY != null)
            .OrderByDescending(s => s.Id).Take(500)
            .Select(s => new { s.Id, Category = s.Category!.Name, s.Address, s.PlanX, s.PlanY }).ToListAsync();
        var markers = points.Select(p => new Marker("point", p.Name, p.PlanX!.Value, p.PlanY!.Value, null))
            .Concat(spots.Select(s => new Marker("spot", $"{s.Category}：{s.Address}", s.PlanX!.Value, s.PlanY!.Value, Url.Page("/Inspections/Details", new { id = s.Id }))));
        return new JsonResult(markers);
    }

    public async Task<IActionResult> OnPostAsync(int areaId)
    {
        var actor = SpotActor.From(db.CurrentUser);
        var area = await db.ResidentialAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId && a.SubDistrictId == actor.SubDistrictId);
        if (area is null || !(actor.IsAdmin || actor.AreaId == area.Id))
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Refusal = "请选择平面图图片。";
            return await ShowAsync(areaId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var plan = await db.InScope<AreaPlan>().FirstOrDefaultAsync(p => p.AreaId == area.Id);
        if (plan is null)
        {
            plan = new AreaPlan { SubDistrictId = area.SubDistrictId, AreaId = area.Id };
            db.Add(plan);
            await db.SaveChangesAsync();
        }

        await using var upload = Upload.OpenReadStream();
        var outcome = await intake.AcceptAsync(db, upload, FileKind.Photo, StoredFile.OwnerOf(nameof(AreaPlan), plan.Id), HttpContext.RequestAborted);
        if (outcome.File is not { } file)
        {
            Refusal = outcome.Refusal;
            db.ChangeTracker.Clear();
            return await ShowAsync(areaId);
        }

        // The size after re-encoding (turned upright, at most 2560 px): the map's coordinates are these pixels.
        await using (var stored = await store.OpenReadAsync(db, file.Id, HttpContext.RequestAborted) ?? throw new InvalidOperationException("The plan just stored cannot be read."))
        {
            using var buffer = new MemoryStream();
            await stored.CopyToAsync(buffer, HttpContext.RequestAborted);
            using var image = Image.NewFromBuffer(buffer.ToArray());
            (plan.Width, plan.Height) = (image.Width, image.Height);
        }

        var previous = plan.StoredFileId;
        plan.StoredFileId = file.Id;
        plan.UploadedAt = clock.GetUtcNow().UtcDateTime;
        if (previous != Guid.Empty && await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == previous) is { } old)
        {
            db.StoredFiles.Remove(old);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("/Inspections/Map", new { areaId });
    }

    private async Task<IActionResult> ShowAsync(int? areaId)
    {
        var actor = SpotActor.From(db.CurrentUser);
        // A department handler works across areas: every area of the sub-district; a cadre their own.
        Areas = (await db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == actor.SubDistrictId && (actor.AreaId == null || a.Id == actor.AreaId))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync()).Select(a => (a.Id, a.Name)).ToList();
        if (Areas.Count == 0)
        {
            return NotFound();
        }

        (AreaId, AreaName) = Areas.FirstOrDefault(a => a.Id == areaId) is { Id: > 0 } chosen ? chosen : Areas[0];
        Plan = await db.InScope<AreaPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.AreaId == AreaId);
        MayUpload = actor.IsAdmin || actor.AreaId == AreaId;
        return Page();
    }
}
