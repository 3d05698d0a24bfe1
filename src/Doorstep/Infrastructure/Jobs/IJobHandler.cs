namespace Doorstep.Infrastructure.Jobs;

/// <summary>
/// One kind of background work, registered with <see cref="JobsSetup.AddJob{THandler}"/>. Resolved
/// from a fresh scope for each attempt and run as the user who asked (CurrentUserAccessor.ActAs). A
/// handler must be safe to run again: the worker retries a job whose attempt threw or whose worker
/// vanished (a crash, a restart) before it answered.
/// </summary>
public interface IJobHandler
{
    /// <summary>What the user reads when every attempt failed.</summary>
    string FailureMessage { get; }

    Task RunAsync(JobRun run, CancellationToken cancellationToken);

    /// <summary>After the last attempt failed: leave the handler's own records in a clean, final state.</summary>
    Task GiveUpAsync(JobRun run, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One attempt at a job, as its handler sees it.</summary>
public sealed class JobRun(BackgroundJob job, Func<int, int, Task> report)
{
    public long Id => job.Id;
    public string? Payload => job.Payload;
    public int Attempt => job.Attempts;

    /// <summary>Writes the progress to the job's row; call it between batches, never inside a long transaction.</summary>
    public Task ReportAsync(int percent, int processed) => report(Math.Clamp(percent, 0, 100), processed);
}

/// <summary>How a kind of job is retried and repeated; one per registered handler.</summary>
public sealed record JobKind(string Name, int MaxAttempts, TimeSpan? Every);
