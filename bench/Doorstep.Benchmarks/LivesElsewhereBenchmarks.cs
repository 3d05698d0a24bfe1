using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;

namespace Doorstep.Benchmarks;

/// <summary>The 人户分离 page's counts (Features/Members/LivesElsewhere) for the sub-district admin.</summary>
/// <remarks>
/// Fewer iterations than the rest: on 1,000,000 members (SQLite) the counts took 6.5 s a call when
/// the suite was written, and fifteen of them alone would take most of a run's five minutes.
/// </remarks>
[WarmupCount(2), IterationCount(10)]
public class LivesElsewhereBenchmarks : SuiteBenchmarks
{
    [GlobalSetup]
    public Task SetUpAsync() => SetUpSubDistrictAsync();

    /// <summary>Returns the areas counted.</summary>
    [Benchmark, Report("lives-elsewhere.counts", "人户分离统计（街道管理员）")]
    public Task<int> Counts() => Target.AsAsync(Admin, async db => (await LivesElsewhereCounts.CountAsync(db)).Areas.Count);
}
