using BenchmarkDotNet.Attributes;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

/// <summary>A member file page's data (Features/Members/Details): the file with what it shows beside it, and its timeline.</summary>
public class MemberFileBenchmarks : SuiteBenchmarks
{
    private List<int> _members = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var ids = await Target.AsAsync(Admin, db => db.MembersInScope.OrderBy(m => m.Id).Take(5000).Select(m => m.Id).ToListAsync());
        _members = Spread(ids, 50);
    }

    /// <summary>Returns the timeline's events plus the file itself.</summary>
    [Benchmark, Report("file.timeline", "党员档案页：档案及其时间线")]
    public Task<int> Timeline() => Target.InScopeAsync(Admin, async services =>
    {
        var db = services.GetRequiredService<Data.DoorstepDb>();
        var member = await MemberQueries.FileAsync(db, Next(_members)) ?? throw new InvalidOperationException("A sampled member is gone.");
        var timeline = await MemberTimeline.WithSourcesAsync(db, member, services.GetServices<IMemberTimelineSource>());
        return 1 + timeline.Count;
    });
}
