using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>The hot path of the player: one UPDATE by (member, chapter), through the card's query filter.</summary>
public static class ListeningProgressSave
{
    /// <summary>The month's seconds start again from this save's when the last save was in another month.</summary>
    public static Task<int> UpdateAsync(DoorstepDb db, int memberId, int chapterId, double position, int listened, DateTime now)
    {
        var month = ListeningProgress.MonthOf(now);
        return db.ListeningProgress.Where(p => p.MemberId == memberId && p.ChapterId == chapterId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.PositionSeconds, position)
                .SetProperty(p => p.ListenedSeconds, p => p.ListenedSeconds + listened)
                .SetProperty(p => p.MonthListenedSeconds, p => p.Month == month ? p.MonthListenedSeconds + listened : listened)
                .SetProperty(p => p.Month, month)
                .SetProperty(p => p.UpdatedAt, now));
    }
}
