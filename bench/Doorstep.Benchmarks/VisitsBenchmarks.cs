using BenchmarkDotNet.Attributes;
using Doorstep.Features.HomeVisits;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>
/// 送学上门's hot paths (issue 11): a cadre's 我的走访 (p95 ≤ 20 ms) and a campaign's coverage for a
/// sub-district (p95 ≤ 100 ms), by the methods the pages call (<see cref="MyVisits"/>,
/// <see cref="Coverage"/>). The cadres are the accounts with the most outstanding tasks in running
/// campaigns, so the benchmark works on the generated set and on the demo alike.
/// </summary>
public class VisitsBenchmarks : SuiteBenchmarks
{
    private List<CurrentUser> _cadres = [];
    private List<(CurrentUser Admin, VisitCampaign Campaign)> _campaigns = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var system = CurrentUser.System("基准测试");
        var busiest = await Target.AsAsync(system, db => db.Set<VisitTask>().IgnoreQueryFilters()
            .Where(t => t.AssignedToId != null && (t.Status == VisitTaskStatus.Open || t.Status == VisitTaskStatus.Revisit) && t.Campaign.Status == CampaignStatus.Running)
            .GroupBy(t => new { t.AssignedToId, t.SubDistrictId, t.AreaId })
            .Select(g => new { g.Key.AssignedToId, g.Key.SubDistrictId, g.Key.AreaId, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(30).ToListAsync());
        _cadres = busiest.Select(c => new CurrentUser(c.AssignedToId!, "基准测试·居民区干部", new DataScope(ScopeKind.ResidentialArea, c.SubDistrictId, ResidentialAreaId: c.AreaId))).ToList();
        var running = await Target.AsAsync(system, db => db.Set<VisitCampaign>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Running).OrderBy(c => c.Id).Take(30).ToListAsync());
        _campaigns = running.Select(c => (BenchTarget.SubDistrictAdmin(c.SubDistrictId), c)).ToList();
    }

    [Benchmark, Report("visits.my-visits", "我的走访（居民区干部手机上的待访名单，第一页）")]
    public Task<int> MyVisitsPage()
    {
        var cadre = Next(_cadres);
        return Target.AsAsync(cadre, async db => (await MyVisits.PageAsync(db, Today, 1, _ => "")).Rows.Count);
    }

    [Benchmark, Report("visits.coverage", "走访覆盖情况（全街道，按居民区）")]
    public Task<int> CoverageBySubDistrict()
    {
        var (admin, campaign) = Next(_campaigns);
        return Target.InScopeAsync(admin, async services => (await ActivatorUtilities.CreateInstance<Coverage>(services).ByAreaAsync(campaign)).Count);
    }
}
