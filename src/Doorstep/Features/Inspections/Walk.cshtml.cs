using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>巡查 on a phone: each point of the area in order, marked clean with one tap, or a problem registered there.</summary>
[Authorize(Policy = InspectionsFeature.ReportSpots)]
public class WalkModel(DoorstepDb db, RoundWalks walks, TimeProvider clock) : PageModel
{
    public sealed record PointOnWalk(InspectionPoint Point, PointCheck? Check);

    public string AreaName { get; private set; } = "";
    public int AreaId { get; private set; }
    public DateOnly Date { get; private set; }
    public IReadOnlyList<PointOnWalk> Stops { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int areaId, string? date) => ShowAsync(areaId, date);

    public async Task<IActionResult> OnPostCleanAsync(int areaId, string? date, int pointId)
    {
        var day = ReadDate(date);
        if (day > ChinaTime.Today(clock) || !await walks.MarkAsync(pointId, day, clean: true, spotId: null))
        {
            return NotFound();
        }

        return RedirectToPage("/Inspections/Walk", null, new { areaId, date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, $"point-{pointId}");
    }

    private DateOnly ReadDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : ChinaTime.Today(clock);

    private async Task<IActionResult> ShowAsync(int areaId, string? date)
    {
        var area = await db.ResidentialAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == areaId);
        var points = await db.InScope<InspectionPoint>().AsNoTracking().Where(p => p.AreaId == areaId && !p.Retired).OrderBy(p => p.Order).ThenBy(p => p.Id).ToListAsync();
        var actor = SpotActor.From(db.CurrentUser);
        if (area is null || !(actor.IsAdminOf(area.SubDistrictId) || actor.AreaId == area.Id))
        {
            return NotFound();
        }

        AreaId = area.Id;
        AreaName = area.Name;
        Date = ReadDate(date);
        var walk = await db.InScope<RoundWalk>().AsNoTracking().Include(w => w.Checks).FirstOrDefaultAsync(w => w.AreaId == areaId && w.Date == Date);
        Stops = points.Select(p => new PointOnWalk(p, walk?.Checks.FirstOrDefault(c => c.InspectionPointId == p.Id))).ToList();
        return Page();
    }
}
