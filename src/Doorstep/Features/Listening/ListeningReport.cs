using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// The area report's query, shared by the page and the benchmark. An area holds about 1,400 members at
/// 1,000,000, so the report is paged. The area's members come from the members' area index, which
/// carries their status, and each member's standing from seeks of two small tables keyed by the
/// member (the <see cref="ListeningSummary"/> and the preference), never from the 20,000,000 progress
/// rows (ADR 0028). The scoped members hold the scope; the tables sought by their id need not repeat it.
/// </summary>
public static class ListeningReport
{
    /// <summary>In the order the report lists them: the cadre's next visits are the ones not started.</summary>
    public enum Standing { ThisMonth, Earlier, NotStarted, PrefersOther }

    public const int PageSize = 50;

    public sealed record Row(int MemberId, string Name, bool HasCard, int ThisMonthSeconds, int Completed, Standing Status, StudyPreference? Prefers);

    /// <summary>One page of the report, and how many members stand where in the whole area.</summary>
    public sealed record Result(IReadOnlyDictionary<Standing, int> Counts, int Total, IReadOnlyList<Row> Rows);

    /// <summary>Initialised by members, not a constructor, so that EF can filter and order on them after the projection.</summary>
    private sealed class Standed
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Pinyin { get; init; } = "";
        public Standing Standing { get; init; }
    }

    /// <summary>
    /// A page of one standing's members (<c>only</c>), or of everyone by standing, then by name, in the
    /// <c>month</c> given as yyyyMM, China time (<see cref="ListeningProgress.MonthOf"/>).
    /// </summary>
    public static async Task<Result> PageAsync(DoorstepDb db, int areaId, int month, Standing? only, int page, int pageSize = PageSize)
    {
        var members = Members(db, areaId, month);
        // ~1,400 small integers: counted here rather than by a GROUP BY over a CASE of subqueries.
        var standings = await members.Select(m => m.Standing).ToListAsync();
        var counts = Enum.GetValues<Standing>().ToDictionary(s => s, s => standings.Count(x => x == s));
        var total = only is { } o ? counts[o] : standings.Count;
        var pager = new Pager(page, pageSize, total, _ => "");
        if (only is { } one)
        {
            members = members.Where(m => m.Standing == one);
        }

        var cards = db.ListeningCards.IgnoreQueryFilters();
        var summaries = db.ListeningSummaries.IgnoreQueryFilters();
        var preferences = db.ListeningPreferences.IgnoreQueryFilters();
        var rows = await members
            .OrderBy(m => m.Standing).ThenBy(m => m.Pinyin).ThenBy(m => m.Id)
            .Skip(pager.Skip).Take(pager.PageSize)
            .Select(m => new Row(
                m.Id,
                m.Name,
                cards.Any(c => c.MemberId == m.Id && c.RevokedAt == null),
                summaries.Where(s => s.MemberId == m.Id && s.Month == month).Select(s => s.MonthListenedSeconds).FirstOrDefault(),
                summaries.Where(s => s.MemberId == m.Id).Select(s => s.ChaptersCompleted).FirstOrDefault(),
                m.Standing,
                preferences.Where(p => p.MemberId == m.Id).Select(p => (StudyPreference?)p.Prefers).FirstOrDefault()))
            .ToListAsync();
        return new Result(counts, total, rows);
    }

    private static IQueryable<Standed> Members(DoorstepDb db, int areaId, int month)
    {
        // Extension members cannot stand inside an expression tree; the sets are captured as values.
        var summaries = db.ListeningSummaries.IgnoreQueryFilters();
        var preferences = db.ListeningPreferences.IgnoreQueryFilters();
        return db.MembersInScope
            .Where(m => m.OrgUnitAreaId == areaId && m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .Select(m => new Standed
            {
                Id = m.Id,
                Name = m.Name,
                Pinyin = m.NamePinyin,
                Standing = summaries.Any(s => s.MemberId == m.Id && s.Month == month && s.MonthListenedSeconds > 0) ? Standing.ThisMonth
                    : preferences.Any(p => p.MemberId == m.Id) ? Standing.PrefersOther
                    : summaries.Any(s => s.MemberId == m.Id) ? Standing.Earlier
                    : Standing.NotStarted,
            });
    }
}
