using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>The member list without a search: an area cadre's own list, and the admin's most common filter.</summary>
public class ListBenchmarks : SuiteBenchmarks
{
    private static readonly CareNeeds[] Needs = [CareNeeds.LowVision, CareNeeds.LimitedMobility, CareNeeds.HardOfHearing, CareNeeds.LivesAlone];
    private List<CurrentUser> _cadres = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var areas = await Target.AsAsync(Admin, db => db.ResidentialAreas.Where(a => a.SubDistrictId == SubDistrictId)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        _cadres = areas.Select(a => BenchTarget.AreaCadre(SubDistrictId, a)).ToList();
    }

    [Benchmark, Report("list.cadre", "居民区干部的党员名单第1页")]
    public Task<int> Cadre() => ListPageAsync(Next(_cadres), new MemberFilter());

    [Benchmark, Report("list.cadre.page50", "居民区干部的党员名单第50页")]
    public Task<int> CadrePage50() => ListPageAsync(Next(_cadres), new MemberFilter(), page: 50);

    [Benchmark, Report("list.filtered", "80岁以上且有关怀需求，按年龄排序（街道管理员）")]
    public Task<int> Filtered() =>
        ListPageAsync(Admin, new MemberFilter { MinAge = 80, Need = Next(Needs), Sort = MemberSort.AgeDescending });
}
