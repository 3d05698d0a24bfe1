using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// The hot path of the player, shared by the page and the benchmark. A save is two UPDATEs by key in
/// one transaction, past the change tracker (not audited: a position tick is not a change of record):
/// the progress row of (member, chapter) and the member's <see cref="ListeningSummary"/>. The first
/// save of a chapter and its completion go through the change tracker and are audited (ADR 0018).
/// </summary>
public static class ListeningProgressSave
{
    /// <summary>Saves where a member stands in a chapter of their shelf; false when the shelf has no such chapter.</summary>
    public static async Task<bool> SaveAsync(DoorstepDb db, int memberId, int subDistrictId, int chapterId, double position, int listened, bool completed, DateTime now)
    {
        try
        {
            return await SaveOnceAsync(db, memberId, subDistrictId, chapterId, position, listened, completed, now);
        }
        catch (DbUpdateException)
        {
            // The same phone's two first saves crossed (on PostgreSQL; SQLite takes writers one at a
            // time): the other made the rows, and this one now finds them.
            db.ChangeTracker.Clear();
            return await SaveOnceAsync(db, memberId, subDistrictId, chapterId, position, listened, completed, now);
        }
    }

    private static async Task<bool> SaveOnceAsync(DoorstepDb db, int memberId, int subDistrictId, int chapterId, double position, int listened, bool completed, DateTime now)
    {
        var month = ListeningProgress.MonthOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The row exists only for a chapter once on the member's shelf, so the hot path needs no look-up of the chapter.
        var updated = await db.ListeningProgress.Where(p => p.MemberId == memberId && p.ChapterId == chapterId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.PositionSeconds, position)
                .SetProperty(p => p.ListenedSeconds, p => p.ListenedSeconds + listened)
                // The month's seconds start again from this save's when the last save was in another month.
                .SetProperty(p => p.MonthListenedSeconds, p => p.Month == month ? p.MonthListenedSeconds + listened : listened)
                .SetProperty(p => p.Month, month)
                .SetProperty(p => p.UpdatedAt, now));
        ListeningProgress? started = null;
        if (updated == 0)
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
        var summarised = await db.ListeningSummaries.Where(s => s.MemberId == memberId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.MonthListenedSeconds, x => x.Month == month ? x.MonthListenedSeconds + listened : listened)
                .SetProperty(x => x.Month, month)
                .SetProperty(x => x.ChaptersCompleted, x => x.ChaptersCompleted + (finished ? 1 : 0)));
        if (summarised == 0)
        {
            db.ListeningSummaries.Add(new ListeningSummary
            {
                MemberId = memberId,
                SubDistrictId = subDistrictId,
                Month = month,
                MonthListenedSeconds = listened,
                ChaptersCompleted = finished ? 1 : 0,
            });
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

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
