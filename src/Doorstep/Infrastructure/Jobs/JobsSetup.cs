namespace Doorstep.Infrastructure.Jobs;

/// <summary>Settings under `Jobs`: how many workers a node runs (0: this node runs none), how often they look, how long a lease lasts.</summary>
public sealed class JobOptions
{
    /// <summary>
    /// Two, so that a job someone waits for (an import's check) does not queue behind the system's
    /// recurring work: on 1,000,000 members the visits' reconciliation that runs at start-up took 12 s,
    /// and the first import's check waited all of it.
    /// </summary>
    public int Workers { get; set; } = 2;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before attempt n+1: n times this.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

public static class JobsSetup
{
    /// <summary>The database-backed job queue and this node's workers (ADR 0013).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobOptions>(config.GetSection("Jobs"));
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobBoard>();
        services.AddHostedService<JobWorker>();
        return services;
    }

    /// <summary>Registers a kind of job: its handler, its attempts, and for the system's recurring work how often it runs.</summary>
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services, string kind, int maxAttempts = 3, TimeSpan? every = null)
        where THandler : class, IJobHandler
    {
        services.AddSingleton(new JobKind(kind, maxAttempts, every));
        services.AddKeyedScoped<IJobHandler, THandler>(kind);
        return services;
    }
}

/// <summary>Wakes this node's workers when a job is queued here, so they need not wait for their next look.</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Dispose() => _signal.Dispose();

    public void Wake(int workers) => _signal.Release(Math.Max(1, workers));

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
