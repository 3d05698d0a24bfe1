using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 我发现的问题: the spots a volunteer registered on their own phone and how far each has got, and
/// nothing else (ADR 0025): their scope finds only spots whose reporter they are.
/// </summary>
[Authorize(Policy = InspectionsFeature.OwnReports)]
public class MineModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(ProblemSpot Spot, string Category, string Area, IReadOnlyList<(SpotStep Step, DateTime At)> Steps);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = Pager.Empty;
    public int OpenCount { get; private set; }
    public int ClosedCount { get; private set; }
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>The spot just registered, named in the confirmation.</summary>
    public int? Registered { get; private set; }

    /// <summary>The volunteer has just said 我也反映 on a spot near theirs.</summary>
    public bool MeToo { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1, int? registered = null, bool metoo = false)
    {
        MeToo = metoo;
        var mine = db.InScope<ProblemSpot>().AsNoTracking();
        var total = await mine.CountAsync();
        OpenCount = await mine.CountAsync(s => ProblemSpot.Open.Contains(s.Status));
        ClosedCount = await mine.CountAsync(s => s.Status == SpotStatus.Verified);
        Pager = new Pager(page, SpotLists.PageSize, total, n => PageLinks.WithPage(Url.Page("/Inspections/Mine")!, n));
        var spots = await mine.OrderByDescending(s => s.ReportedAt).ThenByDescending(s => s.Id).Skip(Pager.Skip).Take(SpotLists.PageSize)
            .Select(s => new { Spot = s, Category = s.Category!.Name, Area = db.ResidentialAreas.Where(a => a.Id == s.AreaId).Select(a => a.Name).First() })
            .ToListAsync();
        // The history is read only for the spots just found through the volunteer's scope.
        var ids = spots.Select(s => s.Spot.Id).ToList();
        var steps = (await db.Set<SpotUpdate>().AsNoTracking().Where(u => ids.Contains(u.ProblemSpotId))
            .OrderBy(u => u.Id).Select(u => new { u.ProblemSpotId, u.Step, u.At }).ToListAsync())
            .ToLookup(u => u.ProblemSpotId, u => (u.Step, u.At));
        Rows = spots.Select(s => new Row(s.Spot, s.Category, s.Area, steps[s.Spot.Id].ToList())).ToList();
        Registered = registered is { } id && ids.Contains(id) ? id : null;
    }
}
