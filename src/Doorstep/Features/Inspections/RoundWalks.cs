using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>常态化巡查: marks a point on an area's walk of a date, creating the walk with its first point.</summary>
public sealed class RoundWalks(DoorstepDb db, TimeProvider clock)
{
    /// <summary>The point clean, or the problem spot registered there; a second mark of the same point replaces the first.</summary>
    public async Task<bool> MarkAsync(int pointId, DateOnly date, bool clean, int? spotId)
    {
        var point = await db.InScope<InspectionPoint>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pointId);
        if (point is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var walk = await db.InScope<RoundWalk>().Include(w => w.Checks).FirstOrDefaultAsync(w => w.AreaId == point.AreaId && w.Date == date);
        if (walk is null)
        {
            walk = new RoundWalk { SubDistrictId = point.SubDistrictId, AreaId = point.AreaId, Date = date, Inspector = db.CurrentUser.Name, StartedAt = now };
            db.Add(walk);
        }

        var check = walk.Checks.FirstOrDefault(c => c.InspectionPointId == pointId);
        if (check is null)
        {
            check = new PointCheck { InspectionPointId = pointId };
            walk.Checks.Add(check);
        }

        check.Clean = clean;
        check.ProblemSpotId = spotId;
        check.CheckedAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (walk.Id == 0)
        {
            // Two inspectors started the same walk at once: the other's walk stands; mark it there.
            db.ChangeTracker.Clear();
            return await MarkAsync(pointId, date, clean, spotId);
        }

        return true;
    }
}
