using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>The hot path of the player: one UPDATE by (member, chapter), through the card's query filter.</summary>
public static class ListeningProgressSave
{
    public static Task<int> UpdateAsync(DoorstepDb db, int memberId, int chapterId, double position, int listened, DateTime now) =>
        db.ListeningProgress.Where(p => p.MemberId == memberId && p.ChapterId == chapterId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.PositionSeconds, position)
                .SetProperty(p => p.ListenedSeconds, p => p.ListenedSeconds + listened)
                .SetProperty(p => p.UpdatedAt, now));
}
