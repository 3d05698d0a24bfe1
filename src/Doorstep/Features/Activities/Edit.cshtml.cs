using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>新建 or 修改 an activity: every field checked in one pass, each error at its field.</summary>
[Authorize(Policy = ActivitiesFeature.PlanActivities)]
public class EditModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public int? Id { get; private set; }
    public List<SelectListItem> Places { get; private set; } = [];
    public List<SelectListItem> OrgUnits { get; private set; } = [];
    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await db.Set<Activity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == existing) is not { } a)
            {
                return NotFound();
            }

            Input = new ActivityInput
            {
                Kind = a.Kind,
                Title = a.Title,
                Where = a.AreaId?.ToString() ?? ActivityInput.SubDistrictWide,
                OrganiserOrgUnitId = a.OrganiserOrgUnitId,
                OrganiserDepartmentId = a.OrganiserDepartmentId,
                Partner = a.Partner,
                Place = a.Place,
                Zones = a.Zones,
                Audience = a.Audience,
                Capacity = a.Capacity,
                Description = a.Description,
                StartsOn = a.StartsOn,
                StartTime = a.StartTime,
                Minutes = a.Minutes,
                Repeat = a.Repeat,
                CustomRule = a.CustomRule,
                RepeatUntil = a.RepeatUntil,
                SkipHolidays = a.SkipHolidays,
            };
            Version = a.Version;
        }
        else
        {
            Input.StartsOn = ChinaTime.Today(clock);
            Input.StartTime = new TimeOnly(9, 0);
            Input.Where = ActivityScope.OwnArea(db)?.ToString();
        }

        await ShowAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        Activity? existing = null;
        if (id is { } known && (existing = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == known)) is null)
        {
            return NotFound();
        }

        var areas = await ValidateAsync(existing);
        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        if (existing is not null)
        {
            if (existing.Version != Version)
            {
                ModelState.AddModelError("", "保存前，这项活动已被他人修改。请重新打开后再改。");
                await ShowAsync();
                return Page();
            }

            Apply(existing, existing.AreaId);
            await db.SaveChangesAsync();
            return RedirectToPage("/Activities/Details", new { id = existing.Id });
        }

        var drive = areas.Count > 1 ? Guid.NewGuid().ToString("N") : null;
        var created = areas.Select(area =>
        {
            var activity = new Activity { Title = "", SubDistrictId = db.CurrentUser.Scope.SubDistrictId, DriveKey = drive, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = db.CurrentUser.Name };
            Apply(activity, area);
            return activity;
        }).ToList();
        db.Set<Activity>().AddRange(created);
        await db.SaveChangesAsync();
        return created.Count == 1
            ? RedirectToPage("/Activities/Details", new { id = created[0].Id })
            : RedirectToPage("/Activities/Index", new { month = ActivityCalendar.MonthText(new DateOnly(created[0].StartsOn.Year, created[0].StartsOn.Month, 1)) });
    }

    private void Apply(Activity a, int? areaId)
    {
        a.AreaId = areaId;
        a.Kind = Input.Kind!.Value;
        a.Title = Input.Title.Trim();
        a.OrganiserOrgUnitId = Input.OrganiserOrgUnitId;
        a.OrganiserDepartmentId = Input.OrganiserDepartmentId;
        a.Partner = Blank(Input.Partner);
        a.Place = Blank(Input.Place);
        a.Zones = Blank(Input.Zones);
        a.Audience = Blank(Input.Audience);
        a.Capacity = Input.Capacity;
        a.Description = Blank(Input.Description);
        a.StartsOn = Input.StartsOn!.Value;
        a.StartTime = Input.StartTime!.Value;
        a.Minutes = Input.Minutes!.Value;
        a.Repeat = Input.Repeat;
        a.CustomRule = Input.Repeat == RepeatKind.Custom ? Input.CustomRule!.Trim().ToUpperInvariant() : null;
        a.RepeatUntil = Input.Repeat == RepeatKind.Once ? null : Input.RepeatUntil;
        a.SkipHolidays = Input.Repeat != RepeatKind.Once && Input.SkipHolidays;
    }

    /// <summary>Every problem at its field; the areas the activity will be held in (one row each).</summary>
    private async Task<List<int?>> ValidateAsync(Activity? existing)
    {
        const string prefix = nameof(Input) + ".";
        if (Input.Kind is null || !Enum.IsDefined(Input.Kind.Value))
        {
            ModelState.AddModelError(prefix + nameof(Input.Kind), "请选择活动类型。");
        }

        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError(prefix + nameof(Input.Title), "请填写活动名称。");
        }
        else if (Input.Title.Trim().Length > 100)
        {
            ModelState.AddModelError(prefix + nameof(Input.Title), "活动名称最多100个字。");
        }

        if (Input.StartsOn is null)
        {
            ModelState.AddModelError(prefix + nameof(Input.StartsOn), "请填写日期，如 2026-12-03。");
        }

        if (Input.StartTime is null)
        {
            ModelState.AddModelError(prefix + nameof(Input.StartTime), "请填写开始时间，如 09:00。");
        }

        if (Input.Minutes is not (>= 10 and <= 720))
        {
            ModelState.AddModelError(prefix + nameof(Input.Minutes), "时长应在10至720分钟之间。");
        }

        if (Input.Capacity is <= 0)
        {
            ModelState.AddModelError(prefix + nameof(Input.Capacity), "名额应大于0；不限名额请留空。");
        }

        if (Input.Repeat == RepeatKind.Custom && Recurrence.Problem(Input.CustomRule) is { } ruleProblem)
        {
            ModelState.AddModelError(prefix + nameof(Input.CustomRule), ruleProblem);
        }

        if (Input.Repeat != RepeatKind.Once && Input.RepeatUntil is { } until && Input.StartsOn is { } starts && until < starts)
        {
            ModelState.AddModelError(prefix + nameof(Input.RepeatUntil), "重复截止日期不能早于第一次活动的日期。");
        }

        if (Input.OrganiserOrgUnitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit && u.SubDistrictId == db.CurrentUser.Scope.SubDistrictId))
        {
            ModelState.AddModelError(prefix + nameof(Input.OrganiserOrgUnitId), "请从列表中选择主办党组织。");
        }

        if (Input.OrganiserDepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department && d.SubDistrictId == db.CurrentUser.Scope.SubDistrictId))
        {
            ModelState.AddModelError(prefix + nameof(Input.OrganiserDepartmentId), "请从列表中选择主办部门。");
        }

        var own = (await ActivityScope.AreasAsync(db)).Select(a => int.Parse(a.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        List<int?> areas = Input.Where switch
        {
            ActivityInput.SubDistrictWide when ActivityScope.IsAdmin(db) => [null],
            ActivityInput.EveryArea when ActivityScope.IsAdmin(db) && existing is null => own.Select(a => (int?)a).ToList(),
            { } text when int.TryParse(text, out var area) && own.Contains(area) => [area],
            _ => [],
        };
        if (existing is not null)
        {
            areas = [existing.AreaId];
        }
        else if (areas.Count == 0)
        {
            ModelState.AddModelError(prefix + nameof(Input.Where), "请选择举办的居民区。");
        }

        return areas;
    }

    private async Task ShowAsync()
    {
        var subDistrict = db.CurrentUser.Scope.SubDistrictId;
        Places = await ActivityScope.AreasAsync(db);
        if (ActivityScope.IsAdmin(db))
        {
            Places.Insert(0, new SelectListItem("所有居民区（每个居民区各一项，如爱国卫生运动）", ActivityInput.EveryArea));
            Places.Insert(0, new SelectListItem("街道主办（全街道）", ActivityInput.SubDistrictWide));
        }

        var units = db.OrgUnits.AsNoTracking().Where(u => u.SubDistrictId == subDistrict);
        if (ActivityScope.OwnArea(db) is { } area)
        {
            units = units.Where(u => u.ResidentialAreaId == area || u.Kind == OrgUnitKind.TemporaryBranch);
        }

        OrgUnits = await units.OrderBy(u => u.Id).Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync();
        Departments = await db.Departments.AsNoTracking().Where(d => d.SubDistrictId == subDistrict).OrderBy(d => d.Id)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
