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

    /// <summary>One member of the area, as the first query reads them all.</summary>
    private sealed record Standed(int Id, string Pinyin, Standing Standing);

    /// <summary>
    /// A page of one standing's members (<c>only</c>), or of everyone by standing, then by name, in the
    /// <c>month</c> given as yyyyMM, China time (<see cref="ListeningProgress.MonthOf"/>). The area's
    /// standings (a few thousand small rows at most) are read once, counted and ordered here; the
    /// page's rows are then read by id.
    /// </summary>
    public static async Task<Result> PageAsync(DoorstepDb db, int areaId, int month, Standing? only, int page, int pageSize = PageSize)
    {
        var standings = await StandingsAsync(db, areaId, month);
        var counts = Enum.GetValues<Standing>().ToDictionary(s => s, s => standings.Count(x => x.Standing == s));
        var listed = standings.Where(m => only is null || m.Standing == only)
            .OrderBy(m => m.Standing).ThenBy(m => m.Pinyin, StringComparer.Ordinal).ThenBy(m => m.Id)
            .ToList();
        var pager = new Pager(page, pageSize, listed.Count, _ => "");
        var onPage = listed.Skip(pager.Skip).Take(pager.PageSize).ToList();
        var ids = onPage.Select(m => m.Id).ToList();

        var cards = db.ListeningCards.IgnoreQueryFilters();
        var summaries = db.ListeningSummaries.IgnoreQueryFilters();
        var preferences = db.ListeningPreferences.IgnoreQueryFilters();
        var details = await (
                from m in db.MembersInScope.Where(m => ids.Contains(m.Id))
                join s in summaries on m.Id equals s.MemberId into summary
                from s in summary.DefaultIfEmpty()
                select new
                {
                    m.Id,
                    m.Name,
                    HasCard = cards.Any(c => c.MemberId == m.Id && c.RevokedAt == null),
                    MonthSeconds = s != null && s.Month == month ? s.MonthListenedSeconds : 0,
                    Completed = s != null ? s.ChaptersCompleted : 0,
                    Prefers = preferences.Where(p => p.MemberId == m.Id).Select(p => (StudyPreference?)p.Prefers).FirstOrDefault(),
                })
            .ToDictionaryAsync(m => m.Id);
        // A member who left the area since the first query is left off the page.
        var rows = onPage.Where(m => details.ContainsKey(m.Id)).Select(m =>
        {
            var d = details[m.Id];
            return new Row(d.Id, d.Name, d.HasCard, d.MonthSeconds, d.Completed, m.Standing, d.Prefers);
        }).ToList();
        return new Result(counts, listed.Count, rows);
    }

    /// <summary>
    /// Every open file of the area with its standing: the members' area index (which carries the
    /// status) and, per member, look-ups by key of the summary and the preference. Each look-up is a
    /// scalar subquery, which PostgreSQL runs per member, rather than an EXISTS, which it may answer
    /// by hashing every summary of the month.
    /// </summary>
    private static async Task<List<Standed>> StandingsAsync(DoorstepDb db, int areaId, int month)
    {
        // Extension members cannot stand inside an expression tree; the sets are captured as values.
        var summaries = db.ListeningSummaries.IgnoreQueryFilters();
        var preferences = db.ListeningPreferences.IgnoreQueryFilters();
        var members = await db.MembersInScope
            .Where(m => m.OrgUnitAreaId == areaId && m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .Select(m => new
            {
                m.Id,
                m.NamePinyin,
                ListenedThisMonth = summaries.Where(s => s.MemberId == m.Id).Select(s => (bool?)(s.Month == month && s.MonthListenedSeconds > 0)).FirstOrDefault(),
                Prefers = preferences.Where(p => p.MemberId == m.Id).Select(p => (bool?)true).FirstOrDefault(),
            })
            .ToListAsync();
        return members.Select(m => new Standed(
                m.Id,
                m.NamePinyin,
                m.ListenedThisMonth switch
                {
                    true => Standing.ThisMonth,
                    _ when m.Prefers == true => Standing.PrefersOther,
                    false => Standing.Earlier,
                    null => Standing.NotStarted,
                }))
            .ToList();
    }
}
