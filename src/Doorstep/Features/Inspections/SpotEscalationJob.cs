using Doorstep.Data;
using Doorstep.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>
/// 超期升级: every quarter of an hour, as the system, spots still open a day past their deadline are
/// raised to the sub-district (they show on its home page and list). Idempotent: a spot is raised once.
/// </summary>
public sealed class SpotEscalationJob(DoorstepDb db, TimeProvider clock) : IJobHandler
{
    public const string Kind = "inspection-escalation";

    public string FailureMessage => "超期问题升级没有完成，将在下一次自动重试。";

    public Task RunAsync(JobRun run, CancellationToken cancellationToken) => EscalateAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Raises what is late at <paramref name="now"/>; returns how many. Tests pass their own clock.</summary>
    public async Task<int> EscalateAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - ProblemSpot.EscalateAfter;
        var late = await db.Set<ProblemSpot>()
            .Where(s => ProblemSpot.Open.Contains(s.Status) && s.EscalatedAt == null && s.DueAt != null && s.DueAt <= cutoff)
            .OrderBy(s => s.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var spot in late.Where(s => s.EscalateIfLate(now)))
        {
            db.Add(new SpotUpdate { ProblemSpotId = spot.Id, Step = SpotStep.Escalated, Status = spot.Status, At = now, By = db.CurrentUser.Name, Note = "超过整改时限 24 小时仍未整改" });
        }

        await db.SaveChangesAsync(cancellationToken);
        return late.Count;
    }
}
