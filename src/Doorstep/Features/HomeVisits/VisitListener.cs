using Doorstep.Features.Members;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// Brings 名单核对 forward when member files are saved, so that a member newly flagged, moved in,
/// transferred out or marked 已故 has their task added or closed within moments rather than at the next
/// periodic run. Coalesced by the job board: a burst of saves or a whole import makes one run, which
/// compares every running campaign's rule with its tasks as the periodic run does.
/// </summary>
internal sealed class VisitListener(JobBoard jobs) : IMemberFileListener
{
    public Task MemberFilesSavedAsync(CancellationToken cancellationToken) =>
        jobs.EnqueueOnceAsync(ReconcileCampaignsJob.Kind, cancellationToken);
}
