using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>On a volunteer's home page: the spots they reported that are still being put right, and those put right.</summary>
public sealed class ReporterHomeFigures(DoorstepDb db) : IHomeFigures
{
    public string Policy => InspectionsFeature.OwnReports;
    public int Order => 61;

    public async Task<IReadOnlyList<HomeFigure>> CountAsync()
    {
        var own = db.InScope<ProblemSpot>();
        return
        [
            new(await own.CountAsync(s => ProblemSpot.Open.Contains(s.Status)), "个我发现的问题正在整改", "/Inspections/Mine"),
            new(await own.CountAsync(s => s.Status == SpotStatus.Fixed || s.Status == SpotStatus.Verified), "个我发现的问题已整改", "/Inspections/Mine"),
        ];
    }
}
