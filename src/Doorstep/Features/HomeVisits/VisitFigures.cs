using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// On the home page: for an area cadre, the members waiting for their visit (as 我的走访 lists them);
/// for the sub-district, the members of running campaigns not yet visited; and for both, the
/// suggestions waiting for an answer.
/// </summary>
public sealed class VisitFigures(DoorstepDb db) : IHomeFigures
{
    public string Policy => HomeVisitsFeature.Visit;
    public int Order => 50;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var visits = db.CurrentUser.Scope.Kind == ScopeKind.ResidentialArea
            ? new HomeFigure(await MyVisits.CountAsync(db), "位党员待我送学上门", "/HomeVisits/Mine")
            : new HomeFigure(await db.InScope<VisitTask>().CountAsync(t => (t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit) && t.Campaign.Status == CampaignStatus.Running), "位党员尚未送学上门", "/HomeVisits/Index");
        var open = await db.InScope<VisitFollowUp>().CountAsync(f => f.Status != FollowUpStatus.Answered);
        return [visits, new(open, "条建言献策待答复", "/HomeVisits/FollowUps")];
    }
}
