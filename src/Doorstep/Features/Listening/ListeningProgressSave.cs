using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// The hot path of the player, shared by the page and the benchmark. A save of a chapter under way is
/// one command of two UPDATEs by key (not audited: a position tick is not a change of record): the
/// progress row of (member, chapter) and the member's <see cref="ListeningSummary"/>. On PostgreSQL the
/// command is one round trip and one commit; on SQLite each UPDATE holds the one writer for itself
/// alone (ADR 0028, 0034). The first save of a chapter and its completion go through the change
/// tracker, are audited (ADR 0018) and write the summary in the same transaction.
/// </summary>
public static class ListeningProgressSave
{
    /// <summary>Saves where a member stands in a chapter of their shelf; false when the shelf has no such chapter.</summary>
    public static async Task<bool> SaveAsync(DoorstepDb db, int memberId, int subDistrictId, int chapterId, double position, int listened, bool completed, DateTime now)
    {
        var month = ListeningProgress.MonthOf(now);
        // The row exists only for a chapter once on the member's shelf, so a tick needs no look-up of the chapter.
        if (!completed)
        {
            var ticked = await TickAsync(db, memberId, chapterId, position, listened, month, now);
            if (ticked == 1)
            {
                // Only for progress older than the summaries, which their migration filled.
                db.ListeningSummaries.Add(NewSummary(memberId, subDistrictId, listened, month, finished: false));
                await db.SaveChangesAsync();
            }

            if (ticked > 0)
            {
                return true;
            }
        }

        try
        {
            return await StartOrFinishAsync(db, memberId, subDistrictId, chapterId, position, listened, completed, now);
        }
        catch (DbUpdateException)
        {
            // The same phone's two first saves crossed (on PostgreSQL; SQLite takes writers one at a
            // time): the other made the rows, and this one now finds them.
            db.ChangeTracker.Clear();
            return await StartOrFinishAsync(db, memberId, subDistrictId, chapterId, position, listened, completed, now);
        }
    }

    /// <summary>The first save of a chapter, or its end: with the summary, in one transaction.</summary>
    private static async Task<bool> StartOrFinishAsync(DoorstepDb db, int memberId, int subDistrictId, int chapterId, double position, int listened, bool completed, DateTime now)
    {
        var month = ListeningProgress.MonthOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        ListeningProgress? started = null;
        if (await UpdateProgressAsync(db, memberId, chapterId, position, listened, month, now) == 0)
        {
            var chapter = await Shelf.ChaptersOf(db, subDistrictId).Where(c => c.Id == chapterId).Select(c => new { c.Id, c.BookId }).FirstOrDefaultAsync();
            if (chapter is null)
            {
                return false;
            }

            started = new ListeningProgress
            {
                MemberId = memberId,
                SubDistrictId = subDistrictId,
                BookId = chapter.BookId,
                ChapterId = chapter.Id,
                PositionSeconds = position,
                ListenedSeconds = listened,
                Month = month,
                MonthListenedSeconds = listened,
                StartedAt = now,
                UpdatedAt = now,
            };
            db.ListeningProgress.Add(started);
        }

        var finished = completed && await FinishAsync(db, started, memberId, chapterId, now);
        if (await UpdateSummaryAsync(db, memberId, listened, month, finished) == 0)
        {
            db.ListeningSummaries.Add(NewSummary(memberId, subDistrictId, listened, month, finished));
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>
    /// A tick: the progress row and, when there is one, the summary; the rows written (0: the chapter
    /// was never begun). The member is the card's own (ListeningCard), so the scope filters that the
    /// set's UPDATEs would add — a join of the member row each — have nothing to narrow; the summary is
    /// touched only when the progress row exists.
    /// </summary>
    private static Task<int> TickAsync(DoorstepDb db, int memberId, int chapterId, double position, int listened, int month, DateTime now) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "ListeningProgress"
            SET "PositionSeconds" = {position}, "ListenedSeconds" = "ListenedSeconds" + {listened},
                "MonthListenedSeconds" = CASE WHEN "Month" = {month} THEN "MonthListenedSeconds" + {listened} ELSE {listened} END,
                "Month" = {month}, "UpdatedAt" = {now}
            WHERE "MemberId" = {memberId} AND "ChapterId" = {chapterId};
            UPDATE "ListeningSummaries"
            SET "MonthListenedSeconds" = CASE WHEN "Month" = {month} THEN "MonthListenedSeconds" + {listened} ELSE {listened} END,
                "Month" = {month}
            WHERE "MemberId" = {memberId}
              AND EXISTS (SELECT 1 FROM "ListeningProgress" WHERE "MemberId" = {memberId} AND "ChapterId" = {chapterId});
            """);

    /// <summary>The month's seconds start again from this save's when the last save was in another month.</summary>
    private static Task<int> UpdateProgressAsync(DoorstepDb db, int memberId, int chapterId, double position, int listened, int month, DateTime now) =>
        db.ListeningProgress.Where(p => p.MemberId == memberId && p.ChapterId == chapterId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.PositionSeconds, position)
                .SetProperty(p => p.ListenedSeconds, p => p.ListenedSeconds + listened)
                .SetProperty(p => p.MonthListenedSeconds, p => p.Month == month ? p.MonthListenedSeconds + listened : listened)
                .SetProperty(p => p.Month, month)
                .SetProperty(p => p.UpdatedAt, now));

    private static Task<int> UpdateSummaryAsync(DoorstepDb db, int memberId, int listened, int month, bool finished) =>
        db.ListeningSummaries.Where(s => s.MemberId == memberId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MonthListenedSeconds, x => x.Month == month ? x.MonthListenedSeconds + listened : listened)
                .SetProperty(x => x.Month, month)
                .SetProperty(x => x.ChaptersCompleted, x => x.ChaptersCompleted + (finished ? 1 : 0)));

    private static ListeningSummary NewSummary(int memberId, int subDistrictId, int listened, int month, bool finished) => new()
    {
        MemberId = memberId,
        SubDistrictId = subDistrictId,
        Month = month,
        MonthListenedSeconds = listened,
        ChaptersCompleted = finished ? 1 : 0,
    };

    /// <summary>
    /// Marks the chapter heard to the end (audited), unless this save only repeats the last one's end.
    /// True when the chapter is finished for the first time, which the summary counts.
    /// </summary>
    private static async Task<bool> FinishAsync(DoorstepDb db, ListeningProgress? started, int memberId, int chapterId, DateTime now)
    {
        var row = started ?? await db.ListeningProgress.FirstAsync(p => p.MemberId == memberId && p.ChapterId == chapterId);
        if (ListeningProgress.JustFinished(row.CompletedAt, row.UpdatedAt))
        {
            return false;
        }

        var first = row.CompletedAt is null;
        row.CompletedAt = now;
        return first;
    }
}
