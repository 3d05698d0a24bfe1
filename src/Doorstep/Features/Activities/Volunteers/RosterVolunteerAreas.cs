using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities.Volunteers;

/// <summary>The area of a volunteer's active roster record, through the roster's scope filter (a volunteer reads their own record only).</summary>
public sealed class RosterVolunteerAreas(DoorstepDb db) : IVolunteerAreas
{
    public async Task<IReadOnlyList<int>> AreasOfAsync(int volunteerId, CancellationToken cancellationToken = default) =>
        await db.Set<Volunteer>().AsNoTracking()
            .Where(v => v.Id == volunteerId && v.Active)
            .Select(v => v.AreaId).Distinct().ToListAsync(cancellationToken);
}
