using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>排查登记 on a phone: category, what and where (or one of the area's 点位), a photo; routed by the matrix when saved.</summary>
[Authorize(Policy = InspectionsFeature.RegisterSpots)]
public class ReportModel(DoorstepDb db, ProblemSpots spots, RoundWalks walks) : PageModel
{
    public sealed class SpotInput
    {
        [Display(Name = "居民区")]
        public int AreaId { get; set; }

        [Display(Name = "问题类别")]
        public int CategoryId { get; set; }

        [PlainText, StringLength(500), Display(Name = "问题描述")]
        public string? Description { get; set; }

        [PlainText, StringLength(200), Display(Name = "地址或地标")]
        public string? Address { get; set; }

        [Display(Name = "反映人类别")]
        public ReporterKind ReporterKind { get; set; } = ReporterKind.Staff;

        [PlainText, StringLength(100), Display(Name = "反映人")]
        public string? ReporterName { get; set; }

        [PlainText, StringLength(40), Display(Name = "来电居民电话")]
        public string? ResidentPhone { get; set; }

        public int? InspectionPointId { get; set; }

        /// <summary>The round's date, when the spot is found on a walk: the point is marked with it.</summary>
        public DateOnly? WalkDate { get; set; }
        public double? PlanX { get; set; }
        public double? PlanY { get; set; }
    }

    [BindProperty]
    public SpotInput Input { get; set; } = new();

    [BindProperty, Display(Name = "照片")]
    public List<IFormFile> Photos { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<InspectionCategory> Categories { get; private set; } = [];

    /// <summary>The 点位 of the areas offered, to pick instead of typing the place.</summary>
    public IReadOnlyList<InspectionPoint> Points { get; private set; } = [];

    /// <summary>A volunteer reports as themselves: the form asks no reporter and no resident's phone.</summary>
    public bool IsVolunteer => db.CurrentUser.Scope.Kind == ScopeKind.Volunteer;

    /// <summary>Why a volunteer's “我也反映” was not taken, shown above the form.</summary>
    public string? MeTooRefusal { get; private set; }

    /// <summary>The point of the round being walked, shown as the form's heading line.</summary>
    public string? PointName => Input.WalkDate is null ? null : Points.FirstOrDefault(p => p.Id == Input.InspectionPointId)?.Name;

    public async Task OnGetAsync(int? areaId, int? pointId, DateOnly? walkDate)
    {
        await LoadAsync();
        Input.AreaId = areaId ?? (Areas.Count == 1 ? Areas[0].Id : 0);
        if (pointId is { } point && Points.FirstOrDefault(p => p.Id == point) is { } found)
        {
            Input.InspectionPointId = found.Id;
            Input.AreaId = found.AreaId;
            Input.Address = found.Name;
            Input.WalkDate = walkDate;
        }
    }

    /// <summary>Open spots of the same category near the place typed: shown before saving, each with “我也反映”.</summary>
    public async Task<IActionResult> OnGetNearbyAsync(int areaId, int categoryId, string? address, int? pointId) =>
        Partial("_Nearby", new NearbySpots(await spots.NearbyAsync(areaId, categoryId, address, null, null, pointId), IsVolunteer));

    /// <summary>A volunteer's “我也反映” on a spot the form showed them (staff say it on the spot's page).</summary>
    public async Task<IActionResult> OnPostMeTooAsync(int id)
    {
        if (!IsVolunteer)
        {
            return RedirectToPage("/Inspections/Details", new { id });
        }

        if (await spots.VolunteerMeTooAsync(id) is { } refusal)
        {
            // The form was posted only to carry the button: what it holds is kept, not checked.
            ModelState.Clear();
            MeTooRefusal = refusal;
            await LoadAsync();
            return Page();
        }

        return RedirectToPage("/Inspections/Mine", new { metoo = true });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var photos = Photos.Where(f => f.Length > 0).Select(f => new UploadedPhoto(f.FileName, f.OpenReadStream)).ToList();
            // A volunteer is the reporter, named as their account is; whatever else was posted is not taken.
            var reporterName = IsVolunteer ? User.FindFirstValue(ScopeClaimsFactory.DisplayNameClaim) : Input.ReporterName;
            var report = new SpotReport(Input.AreaId, Input.CategoryId, Input.Description, Input.Address, Input.ReporterKind, reporterName,
                Input.ResidentPhone, Input.PlanX, Input.PlanY, Input.InspectionPointId);
            if (await spots.RegisterAsync(report, photos, ModelState, "Input.") is { } spot)
            {
                if (spot.InspectionPointId is { } point && Input.WalkDate is { } walked)
                {
                    await walks.MarkAsync(point, walked, clean: false, spot.Id);
                }

                return IsVolunteer
                    ? RedirectToPage("/Inspections/Mine", new { registered = spot.Id })
                    : RedirectToPage("/Inspections/Details", new { id = spot.Id, registered = true });
            }

            // The service names the photos' errors under its prefix; the page's field is Photos.
            if (ModelState.TryGetValue("Input.Photos", out var photoErrors))
            {
                foreach (var error in photoErrors.Errors)
                {
                    ModelState.AddModelError(nameof(Photos), error.ErrorMessage);
                }

                ModelState.Remove("Input.Photos");
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var actor = SpotActor.From(db.CurrentUser);
        Areas = await spots.ReportingAreasAsync();
        Points = await spots.PointsOfAsync(Areas.Select(a => a.Id).ToList());
        Categories = await db.Set<InspectionCategory>().AsNoTracking()
            .Where(c => c.SubDistrictId == actor.SubDistrictId && !c.Retired).OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync();
    }

    public static string PhoneHint => PhoneNumber.Hint;
}

/// <summary>What the report form shows of open spots nearby; a volunteer's “我也反映” goes to the form's own handler.</summary>
public sealed record NearbySpots(IReadOnlyList<ProblemSpot> Spots, bool ForVolunteer);
