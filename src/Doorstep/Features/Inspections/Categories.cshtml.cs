using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 问题类别 as the sub-district keeps them: add one, rename it or change its default hours, retire it
/// (its spots and matrix rows stay; new reports no longer offer it) or bring it back. A category no
/// spot and no matrix row uses may be deleted (a typo); one in use never is. Every change is audited
/// by SaveChanges (InspectionCategoryAuditLabels).
/// </summary>
[Authorize(Policy = InspectionsFeature.ManageInspections)]
public class CategoriesModel(DoorstepDb db) : PageModel
{
    public sealed record Line(InspectionCategory Category, int Spots, int Rules);

    public sealed class CategoryInput
    {
        [PlainText, StringLength(30, ErrorMessage = "类别名称最多 30 个字。"), Display(Name = "类别名称")]
        public string? Name { get; set; }

        [Range(1, 2160, ErrorMessage = "默认整改时限应在 1 到 2160 小时（90 天）之间。"), Display(Name = "默认整改时限（小时）")]
        public int DefaultDeadlineHours { get; set; } = 48;
    }

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    /// <summary>The row whose form was refused (0 = the add form): its errors are shown there only.</summary>
    public int? FailedId { get; private set; }

    public string? Done { get; private set; }

    public Task OnGetAsync(string? done)
    {
        Done = done;
        return LoadAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        var name = await CheckNameAsync(null);
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(0);
        }

        var order = await db.Set<InspectionCategory>().Where(c => c.SubDistrictId == subDistrictId).MaxAsync(c => (int?)c.Order) ?? 0;
        db.Add(new InspectionCategory { SubDistrictId = subDistrictId, Name = name!, DefaultDeadlineHours = Input.DefaultDeadlineHours, Order = order + 1 });
        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Categories", new { done = $"已添加“{name}”。到责任清单为各居民区设置它的责任部门。" });
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (await FindAsync(id) is not { } category)
        {
            return NotFound();
        }

        var name = await CheckNameAsync(id);
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id);
        }

        category.Name = name!;
        category.DefaultDeadlineHours = Input.DefaultDeadlineHours;
        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Categories", new { done = $"已保存“{name}”。" });
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool retired)
    {
        if (await FindAsync(id) is not { } category)
        {
            return NotFound();
        }

        category.Retired = retired;
        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Categories", new
        {
            done = retired ? $"已停用“{category.Name}”：已登记的问题不受影响，新登记时不再出现。" : $"已恢复“{category.Name}”。",
        });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await FindAsync(id) is not { } category)
        {
            return NotFound();
        }

        // Spots and matrix rows of every scope count: the admin's filter is their sub-district, the category's own.
        if (await db.Set<ProblemSpot>().AnyAsync(s => s.CategoryId == id) || await db.Set<ResponsibilityRule>().AnyAsync(r => r.CategoryId == id))
        {
            ModelState.AddModelError("", $"“{category.Name}”已有问题或责任清单在用，不能删除，只能停用。");
            return await RefusedAsync(id);
        }

        db.Remove(category);
        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Categories", new { done = $"已删除“{category.Name}”。" });
    }

    private Task<InspectionCategory?> FindAsync(int id) =>
        db.Set<InspectionCategory>().FirstOrDefaultAsync(c => c.Id == id && c.SubDistrictId == db.CurrentUser.Scope.SubDistrictId);

    /// <summary>The name as typed, checked: present and not another category's of the sub-district.</summary>
    private async Task<string?> CheckNameAsync(int? id)
    {
        var name = TextNormalizer.OrNull(Input.Name);
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        if (name is null)
        {
            ModelState.AddModelError("Input.Name", "请填写类别名称，例如“占道经营”。");
        }
        else if (await db.Set<InspectionCategory>().AnyAsync(c => c.SubDistrictId == subDistrictId && c.Name == name && c.Id != id))
        {
            ModelState.AddModelError("Input.Name", $"已有名为“{name}”的类别（停用的也算）。");
        }

        return name;
    }

    private async Task<IActionResult> RefusedAsync(int id)
    {
        FailedId = id;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        Lines = await db.Set<InspectionCategory>().AsNoTracking()
            .Where(c => c.SubDistrictId == subDistrictId)
            .OrderBy(c => c.Retired).ThenBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new Line(c,
                db.Set<ProblemSpot>().Count(s => s.CategoryId == c.Id),
                db.Set<ResponsibilityRule>().Count(r => r.CategoryId == c.Id)))
            .ToListAsync();
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
