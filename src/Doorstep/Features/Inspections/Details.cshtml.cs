using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>One spot: where and what, its photos before and after, its history, and the step the user may take.</summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class DetailsModel(DoorstepDb db, ProblemSpots spots, TimeProvider clock) : PageModel
{
    public sealed record HistoryEntry(SpotUpdate Update, IReadOnlyList<Guid> Photos);

    public ProblemSpot Spot { get; private set; } = null!;
    public string Area { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string? Department { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public SpotActor Actor { get; private set; } = null!;
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    public string? Refusal { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public int RerouteDepartmentId { get; set; }

    [BindProperty]
    public string? ReroutePerson { get; set; }

    [BindProperty]
    public int RerouteHours { get; set; } = 48;

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public Task<IActionResult> OnPostStartAsync(int id) => ActAsync(id, SpotStep.Started, (s, a, now) => s.Start(a, now));

    public Task<IActionResult> OnPostFixedAsync(int id)
    {
        var count = Photos.Count(f => f.Length > 0);
        return ActAsync(id, SpotStep.Fixed, (s, a, now) => s.MarkFixed(a, Note, count, now), withPhotos: true);
    }

    public Task<IActionResult> OnPostVerifyAsync(int id) => ActAsync(id, SpotStep.Verified, (s, a, now) => s.Verify(a, now));

    public Task<IActionResult> OnPostReopenAsync(int id) => ActAsync(id, SpotStep.Reopened, (s, a, now) => s.Reopen(a, Note, now));

    public Task<IActionResult> OnPostDeclineAsync(int id) => ActAsync(id, SpotStep.Declined, (s, a, _) => s.Decline(a, Note));

    public async Task<IActionResult> OnPostRerouteAsync(int id)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == RerouteDepartmentId && d.SubDistrictId == db.CurrentUser.Scope.SubDistrictId);
        if (department is null)
        {
            Refusal = "请选择改派到的部门。";
            return await ShowAsync(id);
        }

        var person = TextNormalizer.OrNull(ReroutePerson);
        return await ActAsync(id, SpotStep.Rerouted, (s, a, now) => s.Reroute(a, department.Id, person, RerouteHours, Note, now),
            note: $"改派至{department.Name}：{TextNormalizer.OrNull(Note)}");
    }

    /// <summary>我也反映: no version check, as many people may add theirs at once.</summary>
    public async Task<IActionResult> OnPostMeTooAsync(int id)
    {
        Version = 0;
        var refusal = await spots.StepAsync(id, null, SpotStep.MeToo, (s, _, _) => s.MeToo(), null, []);
        if (refusal is null)
        {
            return RedirectToPage("/Inspections/Details", new { id, metoo = true });
        }

        Refusal = refusal;
        return await ShowAsync(id);
    }

    /// <summary>A photo of a step of this spot; the spot is found in the user's scope first, so a guessed file id shows nothing.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, Guid file)
    {
        if (!await db.InScope<ProblemSpot>().AnyAsync(s => s.Id == id))
        {
            return NotFound();
        }

        var owners = await db.Set<SpotUpdate>().Where(u => u.ProblemSpotId == id).Select(u => u.Id).ToListAsync();
        var names = owners.Select(SpotUpdate.StoredFileOwner).ToList();
        var stored = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == file && names.Contains(f.Owner));
        return stored is null ? NotFound() : new StoredFileResult(stored);
    }

    private async Task<IActionResult> ActAsync(
        int id, SpotStep step, Func<ProblemSpot, SpotActor, DateTime, SpotError?> act, bool withPhotos = false, string? note = null)
    {
        var photos = withPhotos ? Photos.Where(f => f.Length > 0).Select(f => new UploadedPhoto(f.FileName, f.OpenReadStream)).ToList() : [];
        var refusal = await spots.StepAsync(id, Version, step, act, note ?? Note, photos);
        if (refusal is null)
        {
            return RedirectToPage("/Inspections/Details", new { id });
        }

        Refusal = refusal;
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        var spot = await db.InScope<ProblemSpot>().AsNoTracking().Include(s => s.Category).FirstOrDefaultAsync(s => s.Id == id);
        if (spot is null)
        {
            return NotFound();
        }

        Spot = spot;
        ModelState.Remove(nameof(Version));
        Version = spot.Version;
        Category = spot.Category!.Name;
        Area = await db.ResidentialAreas.Where(a => a.Id == spot.AreaId).Select(a => a.Name).FirstAsync();
        Department = await db.Departments.Where(d => d.Id == spot.DepartmentId).Select(d => d.Name).FirstOrDefaultAsync();
        var updates = await db.Set<SpotUpdate>().AsNoTracking().Where(u => u.ProblemSpotId == id).OrderBy(u => u.Id).ToListAsync();
        var owners = updates.Select(u => u.PhotoOwner).ToList();
        var photos = (await db.StoredFiles.AsNoTracking().Where(f => owners.Contains(f.Owner)).OrderBy(f => f.CreatedAt).Select(f => new { f.Id, f.Owner }).ToListAsync())
            .ToLookup(f => f.Owner, f => f.Id);
        History = updates.Select(u => new HistoryEntry(u, photos[u.PhotoOwner].ToList())).ToList();
        Actor = SpotActor.From(db.CurrentUser);
        if (Actor.IsAdminOf(spot.SubDistrictId))
        {
            Departments = (await db.Departments.AsNoTracking().Where(d => d.SubDistrictId == spot.SubDistrictId).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => (d.Id, d.Name)).ToList();
            RerouteDepartmentId = spot.DepartmentId ?? 0;
        }

        return Page();
    }
}
