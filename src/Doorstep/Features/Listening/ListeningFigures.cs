using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>On the home page: how many members in the user's scope listened this month, and how many hold a card.</summary>
public sealed class ListeningFigures(DoorstepDb db, TimeProvider clock) : IHomeFigures
{
    public string Policy => ListeningFeature.HandleCards;
    public int Order => 55;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var month = ListeningProgress.MonthOf(clock.GetUtcNow().UtcDateTime);
        var members = db.MembersInScope;
        // Extension members cannot stand inside an expression tree; the sets are captured as values. The
        // scoped members hold the scope, so the tables sought by their id need not repeat it.
        var summaries = db.ListeningSummaries.IgnoreQueryFilters();
        var cards = db.ListeningCards.IgnoreQueryFilters();
        var listened = await members.CountAsync(m => summaries.Any(s => s.MemberId == m.Id && s.Month == month && s.MonthListenedSeconds > 0));
        var holding = await members.CountAsync(m => cards.Any(c => c.MemberId == m.Id && c.RevokedAt == null));
        return
        [
            new(listened, "位党员本月用随身听学习", "/Listening/Report", null),
            new(holding, "位党员持有随身听卡", "/Listening/Report", null),
        ];
    }
}
