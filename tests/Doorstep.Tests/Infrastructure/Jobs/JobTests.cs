using System.Collections.Concurrent;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Infrastructure.Jobs;

/// <summary>The database-backed jobs, on real nodes: two on one database, a restart, retries, progress across nodes.</summary>
public sealed class JobTests : IAsyncLifetime
{
    /// <summary>Without the demo: these jobs touch no records, and seeding would be most of each node's start.</summary>
    private readonly Dictionary<string, string?> _database = AppHost.NewDatabase(("Jobs:RetryDelay", "00:00:00"), ("Doorstep:DemoMode", "false"));
    private readonly List<AppHost> _nodes = [];

    /// <summary>
    /// What the test jobs saw, shared by every node: payload → (node, user) for each run. Each job's
    /// payload is a fresh token, as job ids repeat across the tests' databases.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ConcurrentBag<(string Node, string User, DataScope Scope)>> Runs = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    private static readonly ConcurrentDictionary<string, int> GaveUp = new();

    private sealed class RecordingJob(NodeName node, CurrentUserAccessor user) : IJobHandler
    {
        public const string Kind = "test-recording";
        public string FailureMessage => "测试任务失败。";

        public Task RunAsync(JobRun run, CancellationToken cancellationToken)
        {
            Runs.GetOrAdd(run.Payload!, _ => []).Add((node.Name, user.Current.Name, user.Current.Scope));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingJob : IJobHandler
    {
        public const string Kind = "test-failing";
        public string FailureMessage => "任务多次尝试都没有完成，请联系管理员。";

        public Task RunAsync(JobRun run, CancellationToken cancellationToken)
        {
            Runs.GetOrAdd(run.Payload!, _ => []).Add(("", "", DataScope.Nobody));
            throw new InvalidOperationException("fails every time");
        }

        public Task GiveUpAsync(JobRun run, CancellationToken cancellationToken)
        {
            GaveUp.AddOrUpdate(run.Payload!, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    private sealed class SlowJob : IJobHandler
    {
        public const string Kind = "test-slow";
        public string FailureMessage => "测试任务失败。";

        public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
        {
            await run.ReportAsync(40, 400);
            await Gates.GetOrAdd(run.Payload!, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(cancellationToken);
        }
    }

    private sealed record NodeName(string Name);

    private AppHost Node(string name, int workers)
    {
        var settings = new Dictionary<string, string?>(_database) { ["Jobs:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var node = new AppHost(settings, s =>
        {
            s.AddSingleton(new NodeName(name));
            s.AddJob<RecordingJob>(RecordingJob.Kind);
            s.AddJob<FailingJob>(FailingJob.Kind, maxAttempts: 3);
            s.AddJob<SlowJob>(SlowJob.Kind);
        });
        _nodes.Add(node);
        _ = node.Server;
        return node;
    }

    /// <summary>Queues a job as a user would from a page: as that user, with their scope.</summary>
    private static Task<BackgroundJob> EnqueueAsAsync(AppHost node, CurrentUser user, string kind) =>
        node.WithScopeAsync(async services =>
        {
            using var acting = CurrentUserAccessor.ActAs(user);
            return await services.GetRequiredService<JobBoard>().EnqueueAsync(kind, Guid.NewGuid().ToString("N"));
        });

    private static async Task<BackgroundJob> WaitForAsync(AppHost node, long jobId, Func<BackgroundJob, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await node.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (done(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} is still {job.Status} after {job.Attempts} attempts.");
            await Task.Delay(100);
        }
    }

    private static readonly CurrentUser Cadre = new("cadre-1", "zhangqiao", new DataScope(ScopeKind.ResidentialArea, 1, ResidentialAreaId: 3));

    [Fact]
    public async Task A_job_queued_before_a_restart_runs_after_it_as_the_user_who_asked()
    {
        var before = Node("before", workers: 0);
        var job = await EnqueueAsAsync(before, Cadre, RecordingJob.Kind);
        await before.DisposeAsync();

        var after = Node("after", workers: 1);
        var done = await WaitForAsync(after, job.Id, j => j.Status == JobStatus.Succeeded);

        var run = Assert.Single(Runs[job.Payload!]);
        Assert.Equal(("after", "zhangqiao", Cadre.Scope), (run.Node, run.User, run.Scope));
        Assert.Equal(1, done.Attempts);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_run_each_job_exactly_once()
    {
        var first = Node("first", workers: 2);
        var second = Node("second", workers: 2);
        var jobs = new List<BackgroundJob>();
        for (var i = 0; i < 30; i++)
        {
            jobs.Add(await EnqueueAsAsync(i % 2 == 0 ? first : second, Cadre, RecordingJob.Kind));
        }

        foreach (var job in jobs)
        {
            await WaitForAsync(first, job.Id, j => j.Status == JobStatus.Succeeded);
        }

        Assert.All(jobs, job => Assert.Single(Runs[job.Payload!]));
        Assert.All(jobs, job => Assert.Equal("zhangqiao", Runs[job.Payload!].Single().User));
    }

    [Fact]
    public async Task A_failing_job_is_retried_up_to_its_limit_then_marked_failed_with_a_Chinese_message()
    {
        var node = Node("only", workers: 1);
        var job = await EnqueueAsAsync(node, Cadre, FailingJob.Kind);

        var failed = await WaitForAsync(node, job.Id, j => j.Status == JobStatus.Failed);

        Assert.Equal(3, failed.Attempts);
        Assert.Equal(3, Runs[job.Payload!].Count);
        Assert.Equal("任务多次尝试都没有完成，请联系管理员。", failed.Message);
        Assert.Equal(1, GaveUp[job.Payload!]);
    }

    [Fact]
    public async Task A_running_jobs_progress_is_read_from_another_node()
    {
        var worker = Node("worker", workers: 1);
        var reader = Node("reader", workers: 0);
        var job = await EnqueueAsAsync(reader, Cadre, SlowJob.Kind);

        await WaitForAsync(worker, job.Id, j => j.Status == JobStatus.Running && j.Percent == 40);
        var state = await reader.WithScopeAsync(s => s.GetRequiredService<JobBoard>().StateAsync(job.Id));

        Assert.Equal((JobStatus.Running, 40, 400), (state!.Status, state.Percent, state.Processed));
        Gates.GetOrAdd(job.Payload!, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
        await WaitForAsync(reader, job.Id, j => j.Status == JobStatus.Succeeded);
    }

    [Fact]
    public async Task A_job_whose_worker_vanished_is_claimed_again_when_its_lease_lapses()
    {
        var node = Node("survivor", workers: 0);
        var job = await EnqueueAsAsync(node, Cadre, RecordingJob.Kind);
        // As a node that crashed mid-run leaves it: running, its lease already over.
        await node.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.Attempts, 1)
            .SetProperty(j => j.LeaseOwner, "gone").SetProperty(j => j.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));

        var worker = Node("worker", workers: 1);
        var done = await WaitForAsync(worker, job.Id, j => j.Status == JobStatus.Succeeded);

        Assert.Equal(2, done.Attempts);
        Assert.Equal("worker", Runs[job.Payload!].Single().Node);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await AppHost.DropDatabaseAsync(_database);
    }
}
