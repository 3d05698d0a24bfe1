using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 责任细化: for each area × category the department, person and hours. Everyone who works on spots
/// reads their part (a cadre their area's rows, a handler their department's); the sub-district edits.
/// </summary>
[Authorize(Policy = InspectionsFeature.WorkOnSpots)]
public class MatrixModel(DoorstepDb db) : PageModel
{
    public sealed record Line(ResponsibilityRule Rule, string Area, string Category, string Department);

    public sealed class RuleInput
    {
        public int AreaId { get; set; }
        public int CategoryId { get; set; }

        [Display(Name = "责任部门")]
        public int DepartmentId { get; set; }

        [PlainText, StringLength(100), Display(Name = "责任人")]
        public string? ResponsiblePerson { get; set; }

        [Range(1, 2160, ErrorMessage = "整改时限应在 1 到 2160 小时（90 天）之间。"), Display(Name = "整改时限（小时）")]
        public int DeadlineHours { get; set; } = 48;
    }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IReadOnlyList<IGrouping<string, Line>> ByArea { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public int? AreaFilter { get; private set; }

    public Task OnGetAsync(int? areaId) => LoadAsync(areaId);

    public async Task<IActionResult> OnPostAsync()
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        if (!SpotActor.From(db.CurrentUser).IsAdminOf(subDistrictId))
        {
            return Forbid();
        }

        if (!await db.ResidentialAreas.AnyAsync(a => a.Id == Input.AreaId && a.SubDistrictId == subDistrictId))
        {
            ModelState.AddModelError("Input.AreaId", "请选择居民区。");
        }

        if (!await db.Set<InspectionCategory>().AnyAsync(c => c.Id == Input.CategoryId && c.SubDistrictId == subDistrictId))
        {
            ModelState.AddModelError("Input.CategoryId", "请选择问题类别。");
        }

        if (!await db.Departments.AnyAsync(d => d.Id == Input.DepartmentId && d.SubDistrictId == subDistrictId))
        {
            ModelState.AddModelError("Input.DepartmentId", "请选择责任部门。");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(Input.AreaId);
            return Page();
        }

        var rule = await db.Set<ResponsibilityRule>().FirstOrDefaultAsync(r => r.AreaId == Input.AreaId && r.CategoryId == Input.CategoryId);
        if (rule is null)
        {
            rule = new ResponsibilityRule { SubDistrictId = subDistrictId, AreaId = Input.AreaId, CategoryId = Input.CategoryId };
            db.Add(rule);
        }

        rule.DepartmentId = Input.DepartmentId;
        rule.ResponsiblePerson = TextNormalizer.OrNull(Input.ResponsiblePerson);
        rule.DeadlineHours = Input.DeadlineHours;
        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Matrix", new { areaId = Input.AreaId });
    }

    private async Task LoadAsync(int? areaId)
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        MayEdit = SpotActor.From(db.CurrentUser).IsAdminOf(subDistrictId);
        var areas = await db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == subDistrictId).OrderBy(a => a.Id).ToDictionaryAsync(a => a.Id, a => a.Name);
        var categories = await db.Set<InspectionCategory>().AsNoTracking().Where(c => c.SubDistrictId == subDistrictId).OrderBy(c => c.Order).ToDictionaryAsync(c => c.Id, c => c.Name);
        var departments = await db.Departments.AsNoTracking().Where(d => d.SubDistrictId == subDistrictId).OrderBy(d => d.Id).ToDictionaryAsync(d => d.Id, d => d.Name);
        Areas = areas.Select(a => (a.Key, a.Value)).ToList();
        Categories = categories.Select(c => (c.Key, c.Value)).ToList();
        Departments = departments.Select(d => (d.Key, d.Value)).ToList();
        // The sub-district's matrix is 27 × 6 lines: shown one area at a time. Others see their own rows whole.
        AreaFilter = MayEdit ? areaId ?? (Areas.Count > 0 ? Areas[0].Id : null) : areaId;
        var rules = db.InScope<ResponsibilityRule>().AsNoTracking();
        if (AreaFilter is { } area)
        {
            rules = rules.Where(r => r.AreaId == area);
        }

        var categoryOrder = Categories.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var lines = (await rules.ToListAsync())
            .Select(r => new Line(r, areas.GetValueOrDefault(r.AreaId, "?"), categories.GetValueOrDefault(r.CategoryId, "?"), departments.GetValueOrDefault(r.DepartmentId, "?")))
            .OrderBy(l => l.Rule.AreaId).ThenBy(l => categoryOrder.GetValueOrDefault(l.Rule.CategoryId)).ToList();
        ByArea = lines.GroupBy(l => l.Area).ToList();
    }
}
