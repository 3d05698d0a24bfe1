using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>One area's (or the whole campaign's) coverage: who was targeted and how far the visits got.</summary>
public sealed record CoverageRow(int AreaId, string Area, int Targeted, int Visited, int Outstanding, int RevisitsDue, int Overdue, int Closed)
{
    /// <summary>Visited out of targeted, in whole percent, for the progress bar.</summary>
    public int Percent => Targeted == 0 ? 0 : Visited * 100 / Targeted;
}

/// <summary>
/// 覆盖情况: counted by the database, grouped by area and status over the (CampaignId, AreaId, Status,
/// RevisitOn) index, so a campaign of 100,000 tasks is read as a few dozen rows, never loaded.
/// Targeted counts every task not closed; closed tasks are shown apart with their reasons.
/// Outstanding is 待走访 + 待再访; revisits due are 待再访 whose day has come; overdue is every
/// outstanding task once the campaign has ended, before that a revisit whose day has passed.
/// </summary>
public sealed class Coverage(DoorstepDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CoverageRow>> ByAreaAsync(VisitCampaign campaign, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var ended = campaign.EndsOn < today;
        var groups = await db.InScope<VisitTask>().AsNoTracking()
            .Where(t => t.CampaignId == campaign.Id)
            .GroupBy(t => new { t.AreaId, t.Status })
            .Select(g => new
            {
                g.Key.AreaId,
                g.Key.Status,
                Count = g.Count(),
                Due = g.Count(t => t.RevisitOn != null && t.RevisitOn <= today),
                Late = g.Count(t => t.RevisitOn != null && t.RevisitOn < today),
            })
            .ToListAsync(cancellationToken);
        var areaIds = groups.Select(g => g.AreaId).Distinct().ToList();
        var names = await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        return groups.GroupBy(g => g.AreaId)
            .Select(area =>
            {
                int Of(VisitTaskStatus s) => area.Where(g => g.Status == s).Sum(g => g.Count);
                var outstanding = Of(VisitTaskStatus.Open) + Of(VisitTaskStatus.Revisit);
                var revisit = area.Where(g => g.Status == VisitTaskStatus.Revisit).ToList();
                return new CoverageRow(
                    area.Key, names.GetValueOrDefault(area.Key, ""),
                    Targeted: outstanding + Of(VisitTaskStatus.Done),
                    Visited: Of(VisitTaskStatus.Done),
                    Outstanding: outstanding,
                    RevisitsDue: revisit.Sum(g => g.Due),
                    Overdue: ended ? outstanding : revisit.Sum(g => g.Late),
                    Closed: Of(VisitTaskStatus.Closed));
            })
            .OrderBy(r => r.Area, StringComparer.Ordinal)
            .ToList();
    }

    public static CoverageRow Total(IReadOnlyList<CoverageRow> rows) => new(
        0, "合计", rows.Sum(r => r.Targeted), rows.Sum(r => r.Visited), rows.Sum(r => r.Outstanding),
        rows.Sum(r => r.RevisitsDue), rows.Sum(r => r.Overdue), rows.Sum(r => r.Closed));
}
