using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>On the home page: the visits waiting for the signed-in cadre, and suggestions waiting for an answer.</summary>
public sealed class VisitFigures(DoorstepDb db) : IHomeFigures
{
    public string Policy => HomeVisitsFeature.Visit;
    public int Order => 50;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var me = db.CurrentUser.Id;
        var mine = await db.InScope<VisitTask>()
            .CountAsync(t => t.AssignedToId == me && (t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit));
        var open = await db.InScope<VisitFollowUp>().CountAsync(f => f.Status != FollowUpStatus.Answered);
        return
        [
            new(mine, "位党员待我送学上门", "/HomeVisits/Mine"),
            new(open, "条建言献策待答复", "/HomeVisits/FollowUps"),
        ];
    }
}
