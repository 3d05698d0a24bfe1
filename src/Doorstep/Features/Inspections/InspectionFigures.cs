using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>On the home page: open and overdue spots within the user's scope, and for the sub-district those escalated to it.</summary>
public sealed class InspectionFigures(DoorstepDb db, TimeProvider clock) : IHomeFigures
{
    public string Policy => InspectionsFeature.WorkOnSpots;
    public int Order => 60;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.InScope<ProblemSpot>().Where(s => ProblemSpot.Open.Contains(s.Status));
        var figures = new List<HomeFigure>
        {
            new(await open.CountAsync(), "个创文问题待整改", "/Inspections/Index", new { tab = SpotList.Open }),
            new(await open.CountAsync(s => s.DueAt < now), "个创文问题已超期", "/Inspections/Index", new { tab = SpotList.Overdue }),
            new(await db.InScope<ProblemSpot>().CountAsync(s => s.Status == SpotStatus.Fixed), "个创文问题已整改待验收", "/Inspections/Index", new { tab = SpotList.Fixed }),
        };
        return figures;
    }
}
