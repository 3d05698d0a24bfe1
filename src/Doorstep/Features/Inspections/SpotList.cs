using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>The lists of problem spots, each within the user's scope (DoorstepDb.InScope seeks by the user's own key).</summary>
public enum SpotList
{
    Open,
    Overdue,
    Fixed,
    Escalated,
    Closed,
    All,
}

/// <summary>One line of a list: the spot with the names it is shown with.</summary>
public sealed record SpotRow(ProblemSpot Spot, string Category, string Area, string? Department);

/// <summary>What the list page shows: every tab's count and one page of the current tab.</summary>
public sealed record SpotListPage(IReadOnlyDictionary<SpotList, int> Counts, int Page, IReadOnlyList<SpotRow> Rows);

public static class SpotLists
{
    public const int PageSize = 20;

    /// <summary>The list page's queries (and the benchmark's, inspections.handler-open): the tabs' counts, then the page asked for.</summary>
    public static async Task<SpotListPage> ReadAsync(DoorstepDb db, SpotList current, DateTime now, int page)
    {
        var counts = new Dictionary<SpotList, int>();
        foreach (var list in Enum.GetValues<SpotList>())
        {
            counts[list] = await Of(db, list, now).CountAsync();
        }

        var pages = Math.Max(1, (counts[current] + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Of(db, current, now).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new SpotRow(s, s.Category!.Name,
                db.ResidentialAreas.Where(a => a.Id == s.AreaId).Select(a => a.Name).First(),
                db.Departments.Where(d => d.Id == s.DepartmentId).Select(d => d.Name).FirstOrDefault()))
            .ToListAsync();
        return new SpotListPage(counts, page, rows);
    }

    public static string Label(SpotList list) => list switch
    {
        SpotList.Open => "待整改",
        SpotList.Overdue => "已超期",
        SpotList.Fixed => "待验收",
        SpotList.Escalated => "已升级到街道",
        SpotList.Closed => "已销号",
        SpotList.All => "全部",
    };

    public static IQueryable<ProblemSpot> Of(DoorstepDb db, SpotList list, DateTime now)
    {
        var spots = db.InScope<ProblemSpot>().AsNoTracking();
        return list switch
        {
            SpotList.Open => spots.Where(s => ProblemSpot.Open.Contains(s.Status)).OrderBy(s => s.DueAt == null ? 0 : 1).ThenBy(s => s.DueAt).ThenByDescending(s => s.Priority).ThenBy(s => s.Id),
            SpotList.Overdue => spots.Where(s => ProblemSpot.Open.Contains(s.Status) && s.DueAt < now).OrderBy(s => s.DueAt).ThenBy(s => s.Id),
            SpotList.Fixed => spots.Where(s => s.Status == SpotStatus.Fixed).OrderBy(s => s.FixedAt).ThenBy(s => s.Id),
            SpotList.Escalated => spots.Where(s => ProblemSpot.Open.Contains(s.Status) && s.EscalatedAt != null).OrderBy(s => s.DueAt).ThenBy(s => s.Id),
            SpotList.Closed => spots.Where(s => s.Status == SpotStatus.Verified).OrderByDescending(s => s.VerifiedAt).ThenByDescending(s => s.Id),
            SpotList.All => spots.OrderByDescending(s => s.ReportedAt).ThenByDescending(s => s.Id),
        };
    }
}
