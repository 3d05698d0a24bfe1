using Doorstep.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Doorstep.Infrastructure.Jobs;

/// <summary>
/// This node's workers. Each claims one job at a time with a lease, in one statement that no other
/// worker on any node can interleave with (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one
/// writer), renews the lease while the job runs, and runs it as the user who asked. A job whose
/// worker vanished is claimed again when its lease lapses; each claim counts as an attempt.
/// </summary>
internal sealed partial class JobWorker(
    IServiceScopeFactory scopes, IEnumerable<JobKind> kinds, JobSignal signal, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobWorker> logger)
    : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private JobOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Options.Workers <= 0)
        {
            return;
        }

        // Hosted services start before the app listens; the first look can wait for the start-up to settle.
        await Task.Yield();
        await ScheduleRecurringAsync(stoppingToken);
        await Task.WhenAll(Enumerable.Range(1, Options.Workers).Select(i => LoopAsync($"{_node}#{i}", stoppingToken)));
    }

    private async Task LoopAsync(string owner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await RunNextAsync(owner, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a moment; the loop looks again later.
                LogLoopFailure(logger, e);
                worked = false;
            }

            if (!worked)
            {
                try
                {
                    await signal.WaitAsync(Options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and runs one job; false when there was none to claim.</summary>
    private async Task<bool> RunNextAsync(string owner, CancellationToken stoppingToken)
    {
        var job = await ClaimAsync(owner, stoppingToken);
        if (job is null)
        {
            return false;
        }

        var kind = kinds.FirstOrDefault(k => k.Name == job.Kind);
        using var acting = CurrentUserAccessor.ActAs(job.RunsAs());
        await using var scope = scopes.CreateAsyncScope();
        var handler = kind is null ? null : scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind);
        var run = new JobRun(job, (percent, processed) => ReportAsync(job.Id, owner, percent, processed));
        if (handler is null)
        {
            await FinishAsync(job.Id, owner, JobStatus.Failed, "系统不认识这项任务，请联系管理员。");
            return true;
        }

        // The worker that held the last attempt vanished: nothing is left to try.
        if (job.Attempts > job.MaxAttempts)
        {
            await GiveUpAsync(handler, run, job, owner);
            return true;
        }

        using var lease = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(job.Id, owner, lease.Token);
        try
        {
            await handler.RunAsync(run, stoppingToken);
            await FinishAsync(job.Id, owner, JobStatus.Succeeded, null);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once rather than when the lease lapses, without counting the attempt.
            await ReleaseAsync(job.Id, owner);
            throw;
        }
        catch (Exception e)
        {
            LogJobFailure(logger, e, job.Kind, job.Id, job.Attempts, job.MaxAttempts);
            if (job.Attempts >= job.MaxAttempts)
            {
                await GiveUpAsync(handler, run, job, owner);
            }
            else
            {
                await RetryLaterAsync(job, owner);
            }
        }
        finally
        {
            await lease.CancelAsync();
            await renewing;
        }

        if (kind!.Every is { } every)
        {
            await ScheduleAsync(kind.Name, clock.GetUtcNow().UtcDateTime + every, CancellationToken.None);
        }

        return true;
    }

    private async Task<BackgroundJob?> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Options.Lease;
        // One statement finds and takes the job. On PostgreSQL a second worker skips a row the first
        // has locked, and the outer condition is checked again on the row as the first left it; on
        // SQLite the transaction below begins IMMEDIATE, so the two never overlap.
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        const int queued = (int)JobStatus.Queued, running = (int)JobStatus.Running;
        var sql = $$"""
            UPDATE "BackgroundJobs"
            SET "Status" = {{running}}, "LeaseOwner" = {0}, "LeaseUntil" = {1}, "Attempts" = "Attempts" + 1, "StartedAt" = {2}
            WHERE "Id" = (
                SELECT "Id" FROM "BackgroundJobs"
                WHERE ("Status" = {{queued}} AND "RunAfter" <= {2}) OR ("Status" = {{running}} AND "LeaseUntil" < {2})
                ORDER BY "Id" LIMIT 1 {{skipLocked}})
              AND ("Status" = {{queued}} OR "LeaseUntil" < {2})
            RETURNING "Id" AS "Value"
            """;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.SqlQueryRaw<long>(sql, owner, until, now).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return null;
        }

        return await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == claimed[0], cancellationToken);
    }

    private async Task RenewLeaseAsync(long jobId, string owner, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Options.Lease / 3, clock, cancellationToken);
                await UpdateOwnedAsync(jobId, owner, s => s.SetProperty(j => j.LeaseUntil, clock.GetUtcNow().UtcDateTime + Options.Lease));
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
        catch (Exception e)
        {
            LogLoopFailure(logger, e);
        }
    }

    private Task ReportAsync(long jobId, string owner, int percent, int processed) =>
        UpdateOwnedAsync(jobId, owner, s => s
            .SetProperty(j => j.Percent, percent)
            .SetProperty(j => j.Processed, processed)
            .SetProperty(j => j.LeaseUntil, clock.GetUtcNow().UtcDateTime + Options.Lease));

    private Task FinishAsync(long jobId, string owner, JobStatus status, string? message) =>
        UpdateOwnedAsync(jobId, owner, s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Message, message)
            .SetProperty(j => j.Percent, j => status == JobStatus.Succeeded ? 100 : j.Percent)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime));

    private Task RetryLaterAsync(BackgroundJob job, string owner) =>
        UpdateOwnedAsync(job.Id, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Message, $"第{job.Attempts}次没有完成，将自动重试（最多{job.MaxAttempts}次）。")
            .SetProperty(j => j.RunAfter, clock.GetUtcNow().UtcDateTime + Options.RetryDelay * job.Attempts)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null));

    private Task ReleaseAsync(long jobId, string owner) =>
        UpdateOwnedAsync(jobId, owner, s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null));

    private async Task GiveUpAsync(IJobHandler handler, JobRun run, BackgroundJob job, string owner)
    {
        try
        {
            await handler.GiveUpAsync(run, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogJobFailure(logger, e, job.Kind, job.Id, job.Attempts, job.MaxAttempts);
        }

        await FinishAsync(job.Id, owner, JobStatus.Failed, handler.FailureMessage);
    }

    /// <summary>Writes to the job only while this worker holds it: a lapsed lease may have passed it to another.</summary>
    private async Task UpdateOwnedAsync(long jobId, string owner, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<BackgroundJob>> set)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        await db.BackgroundJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner).ExecuteUpdateAsync(set, CancellationToken.None);
    }

    /// <summary>Each recurring kind has one job waiting or running; two nodes starting together may queue two, which do the same harmless work.</summary>
    private async Task ScheduleRecurringAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in kinds.Where(k => k.Every is not null))
        {
            try
            {
                await ScheduleAsync(kind.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogLoopFailure(logger, e);
            }
        }
    }

    private async Task ScheduleAsync(string kind, DateTime runAfter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        if (await db.BackgroundJobs.AnyAsync(j => j.Kind == kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), cancellationToken))
        {
            return;
        }

        var job = BackgroundJob.For(kind, null, CurrentUser.System(kind), clock.GetUtcNow().UtcDateTime, kinds.First(k => k.Name == kind).MaxAttempts);
        job.RunAfter = runAfter;
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} {JobId} failed on attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogJobFailure(ILogger logger, Exception exception, string kind, long jobId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job worker could not reach the queue")]
    private static partial void LogLoopFailure(ILogger logger, Exception exception);
}
