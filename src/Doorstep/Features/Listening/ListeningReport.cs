using Doorstep.Data;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// The area report's query, shared by the page and the benchmark: one row per member whose file the
/// area holds, with subqueries that each seek (MemberId, …) indexes — no scan of the progress table.
/// </summary>
public static class ListeningReport
{
    public enum Standing { ThisMonth, Earlier, NotStarted, PrefersOther }

    public sealed record Row(int MemberId, string Name, string Pinyin, bool HasCard, int ThisMonthSeconds, int Completed, bool Started, StudyPreference? Prefers)
    {
        public Standing Status => ThisMonthSeconds > 0 ? Standing.ThisMonth : Prefers is not null ? Standing.PrefersOther : Started ? Standing.Earlier : Standing.NotStarted;
    }

    public static Task<List<Row>> RowsAsync(DoorstepDb db, int areaId, DateTime sinceUtc)
    {
        // Extension members cannot stand inside an expression tree; the sets are captured as values.
        var cards = db.ListeningCards;
        var progress = db.ListeningProgress;
        var preferences = db.ListeningPreferences;
        return db.MembersInScope
            .Where(m => m.OrgUnitAreaId == areaId && m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .Select(m => new Row(
                m.Id,
                m.Name,
                m.NamePinyin,
                cards.Any(c => c.MemberId == m.Id && c.RevokedAt == null),
                progress.Where(p => p.MemberId == m.Id && p.UpdatedAt >= sinceUtc).Sum(p => (int?)p.ListenedSeconds) ?? 0,
                progress.Count(p => p.MemberId == m.Id && p.CompletedAt != null),
                progress.Any(p => p.MemberId == m.Id),
                preferences.Where(p => p.MemberId == m.Id).Select(p => (StudyPreference?)p.Prefers).FirstOrDefault()))
            .ToListAsync();
    }
}
