using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// Starting a campaign: its first reconciliation, as a durable job with progress, so that 100,000
/// tasks neither hold a request open nor vanish with a restart. Payload: the campaign's id.
/// </summary>
internal sealed class StartCampaignJob(VisitReconciliation reconciliation) : IJobHandler
{
    public const string Kind = "home-visits-start";

    public string FailureMessage => "走访任务没有全部生成；系统会在下一次名单核对时补齐，也可以稍后刷新查看。";

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var campaignId = int.Parse(run.Payload ?? "", CultureInfo.InvariantCulture);
        // Areas' cadres are read from the accounts, and tasks written in every taking-part area.
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("送学上门活动启动"));
        await reconciliation.RunAsync(campaignId, run.ReportAsync, cancellationToken);
    }
}

/// <summary>
/// 名单核对: every running campaign's tasks brought back in line with its rule, every 10 minutes and
/// soon after any member file is saved (<see cref="VisitListener"/>), as
/// the system. Members turn 80, are flagged low vision, move, die or transfer out through many paths
/// (the form, the API, an import, a transfer); comparing the rule with the tasks catches them all.
/// </summary>
internal sealed class ReconcileCampaignsJob(DoorstepDb db, VisitReconciliation reconciliation) : IJobHandler
{
    public const string Kind = "home-visits-reconcile";

    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    public string FailureMessage => "走访名单核对没有完成，将在下一次自动重试。";

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("送学上门名单核对"));
        var running = await db.Set<VisitCampaign>().AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Running).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var campaignId in running)
        {
            await reconciliation.RunAsync(campaignId, null, cancellationToken);
        }
    }
}
