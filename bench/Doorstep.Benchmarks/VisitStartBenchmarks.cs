using BenchmarkDotNet.Attributes;
using Doorstep.Features.HomeVisits;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// Starting a campaign (issue 11: 100,000 members ≤ 30 s): the work of the start job
/// (home-visits-start), <see cref="VisitReconciliation.RunAsync"/> on campaigns just set running,
/// as the system the job acts as. A campaign is one sub-district's, and a generated sub-district
/// holds about 40,000 members, so the campaigns are those of as many sub-districts as it takes to
/// reach 100,000 members whose rule takes every member of status 正常; on a smaller set, all there
/// are. Returns the tasks created. Each iteration starts fresh campaigns; their tasks are removed after it.
/// </summary>
[WarmupCount(1), IterationCount(3), InvocationCount(1)]
public class VisitStartBenchmarks : SuiteBenchmarks
{
    private const int Members = 100_000;
    private static readonly CurrentUser Job = CurrentUser.System("送学上门活动启动");
    private List<(int SubDistrictId, List<int> Areas)> _places = [];
    private List<int> _campaigns = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var counts = await Target.AsAsync(Job, db => db.Members.IgnoreQueryFilters()
            .Where(m => m.Status == MemberStatus.Normal && m.OrgUnitAreaId != null)
            .GroupBy(m => new { m.SubDistrictId, Area = m.OrgUnitAreaId!.Value })
            .Select(g => new { g.Key.SubDistrictId, g.Key.Area, Count = g.Count() })
            .ToListAsync());
        var total = 0;
        foreach (var place in counts.GroupBy(c => c.SubDistrictId).OrderBy(g => g.Key))
        {
            _places.Add((place.Key, place.Select(p => p.Area).Order().ToList()));
            total += place.Sum(p => p.Count);
            if (total >= Members)
            {
                break;
            }
        }
    }

    [IterationSetup]
    public void Prepare() => PrepareAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void Remove() => RemoveAsync().GetAwaiter().GetResult();

    [Benchmark, Report("visits.start", "启动送学上门活动（约10万名党员，后台生成走访任务）")]
    public async Task<int> Start()
    {
        var added = 0;
        foreach (var campaignId in _campaigns)
        {
            var result = await Target.InScopeAsync(Job, services =>
                ActivatorUtilities.CreateInstance<VisitReconciliation>(services).RunAsync(campaignId, (_, _) => Task.CompletedTask, CancellationToken.None));
            added += result.Added;
        }

        return added;
    }

    /// <summary>A running campaign per chosen sub-district, without tasks yet: the state the start page leaves for the job.</summary>
    private async Task PrepareAsync() =>
        _campaigns = await Target.AsAsync(Job, async db =>
        {
            var campaigns = _places.Select(p => new VisitCampaign
            {
                SubDistrictId = p.SubDistrictId,
                Title = "基准测试·启动送学上门",
                StartsOn = Today,
                EndsOn = Today.AddDays(90),
                Package = "《中国共产党简史》",
                AreaIds = VisitCampaign.JoinAreas(p.Areas),
                Status = CampaignStatus.Running,
                CreatedAt = DateTime.UtcNow,
                StartedAt = DateTime.UtcNow,
            }).ToList();
            db.AddRange(campaigns);
            await db.SaveChangesAsync();
            return campaigns.Select(c => c.Id).ToList();
        });

    private Task<int> RemoveAsync() =>
        Target.AsAsync(Job, async db =>
        {
            var ids = _campaigns;
            await db.Set<VisitTask>().IgnoreQueryFilters().Where(t => ids.Contains(t.CampaignId)).ExecuteDeleteAsync();
            return await db.Set<VisitCampaign>().IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync();
        });
}
