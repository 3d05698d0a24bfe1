using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;

namespace Doorstep.Benchmarks;

/// <summary>The 人户分离 page's counts (Features/Members/LivesElsewhere) for the sub-district admin.</summary>
public class LivesElsewhereBenchmarks : SuiteBenchmarks
{
    [GlobalSetup]
    public Task SetUpAsync() => SetUpSubDistrictAsync();

    /// <summary>Returns the areas counted.</summary>
    [Benchmark, Report("lives-elsewhere.counts", "人户分离统计（街道管理员）")]
    public Task<int> Counts() => Target.AsAsync(Admin, async db => (await LivesElsewhereCounts.CountAsync(db)).Areas.Count);
}
