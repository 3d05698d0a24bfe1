using System.ComponentModel.DataAnnotations;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>An area's fixed points and weekly round: the recent round dates, walked or skipped, and adding points.</summary>
[Authorize(Policy = InspectionsFeature.ReportSpots)]
public class RoundsModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record Due(DateOnly Date, RoundWalk? Walk);

    public IReadOnlyList<(int Id, string Name)> Areas { get; private set; } = [];
    public int AreaId { get; private set; }
    public string AreaName { get; private set; } = "";
    public InspectionRound? Round { get; private set; }
    public IReadOnlyList<InspectionPoint> Points { get; private set; } = [];
    public IReadOnlyList<Due> Dues { get; private set; } = [];
    public DateOnly Today { get; } = ChinaTime.Today(clock);

    [BindProperty, PlainText, StringLength(100), Display(Name = "点位名称")]
    public string? PointName { get; set; }

    [BindProperty, Display(Name = "巡查日")]
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    public Task<IActionResult> OnGetAsync(int? areaId) => ShowAsync(areaId);

    public async Task<IActionResult> OnPostPointAsync(int areaId)
    {
        var name = TextNormalizer.OrNull(PointName);
        if (name is null)
        {
            ModelState.AddModelError(nameof(PointName), "请填写点位名称，例如“菜场东门”。");
        }

        if (ModelState.IsValid && await AreaOfUserAsync(areaId) is { } area)
        {
            var order = await db.InScope<InspectionPoint>().Where(p => p.AreaId == area.Id).Select(p => (int?)p.Order).MaxAsync() ?? -1;
            db.Add(new InspectionPoint { SubDistrictId = area.SubDistrictId, AreaId = area.Id, Name = name!, Order = order + 1 });
            await db.SaveChangesAsync();
            return RedirectToPage("/Inspections/Rounds", new { areaId });
        }

        return await ShowAsync(areaId);
    }

    public async Task<IActionResult> OnPostWeekdayAsync(int areaId)
    {
        if (!Enum.IsDefined(Weekday) || await AreaOfUserAsync(areaId) is not { } area)
        {
            return await ShowAsync(areaId);
        }

        var round = await db.InScope<InspectionRound>().FirstOrDefaultAsync(r => r.AreaId == area.Id);
        if (round is null)
        {
            db.Add(new InspectionRound { SubDistrictId = area.SubDistrictId, AreaId = area.Id, Weekday = Weekday, StartsOn = Today });
        }
        else
        {
            round.Weekday = Weekday;
        }

        await db.SaveChangesAsync();
        return RedirectToPage("/Inspections/Rounds", new { areaId });
    }

    private async Task<Organizations.ResidentialArea?> AreaOfUserAsync(int areaId)
    {
        var actor = SpotActor.From(db.CurrentUser);
        return await db.ResidentialAreas.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == areaId && a.SubDistrictId == actor.SubDistrictId && (actor.IsAdmin || a.Id == actor.AreaId));
    }

    private async Task<IActionResult> ShowAsync(int? areaId)
    {
        var actor = SpotActor.From(db.CurrentUser);
        Areas = (await db.ResidentialAreas.AsNoTracking()
            .Where(a => a.SubDistrictId == actor.SubDistrictId && (actor.IsAdmin || a.Id == actor.AreaId))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync()).Select(a => (a.Id, a.Name)).ToList();
        if (Areas.Count == 0)
        {
            return NotFound();
        }

        (AreaId, AreaName) = Areas.FirstOrDefault(a => a.Id == areaId) is { Id: > 0 } chosen ? chosen : Areas[0];
        Round = await db.InScope<InspectionRound>().AsNoTracking().FirstOrDefaultAsync(r => r.AreaId == AreaId);
        Weekday = Round?.Weekday ?? DayOfWeek.Thursday;
        Points = await db.InScope<InspectionPoint>().AsNoTracking().Where(p => p.AreaId == AreaId && !p.Retired).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync();
        if (Round is not null)
        {
            var dates = Round.DueDates(Today, 8).ToList();
            var walks = await db.InScope<RoundWalk>().AsNoTracking().Include(w => w.Checks)
                .Where(w => w.AreaId == AreaId && dates.Contains(w.Date)).ToDictionaryAsync(w => w.Date);
            Dues = dates.Select(d => new Due(d, walks.GetValueOrDefault(d))).ToList();
        }

        return Page();
    }
}
