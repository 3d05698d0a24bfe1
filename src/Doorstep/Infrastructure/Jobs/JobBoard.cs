using Doorstep.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Doorstep.Infrastructure.Jobs;

/// <summary>Where jobs are posted, as the current user, and where anyone reads how one stands.</summary>
public sealed class JobBoard(DoorstepDb db, IEnumerable<JobKind> kinds, JobSignal signal, IOptions<JobOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Adds the job to the context and saves it, inside the caller's transaction if there is one, so
    /// that the job exists exactly when the record it works on does.
    /// </summary>
    public async Task<BackgroundJob> EnqueueAsync(string kind, string? payload, CancellationToken cancellationToken = default)
    {
        var known = kinds.SingleOrDefault(k => k.Name == kind) ?? throw new InvalidOperationException($"No job handler is registered for '{kind}'.");
        var job = BackgroundJob.For(kind, payload, db.CurrentUser, clock.GetUtcNow().UtcDateTime, known.MaxAttempts);
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake(options.Value.Workers);
        return job;
    }

    /// <summary>
    /// Asks for a run of a payload-less kind as soon as a worker is free, coalesced: when a job of that
    /// kind is already queued and not started (a recurring kind always has its next run waiting), that
    /// one is brought forward to now instead of another being added, so a burst of asks makes one run.
    /// A job already running may have read too early, so then a new one is queued behind it. Two nodes
    /// asking at the same moment may queue two, which do the same harmless work.
    /// </summary>
    public async Task EnqueueOnceAsync(string kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.BackgroundJobs.Where(j => j.Kind == kind && j.Status == JobStatus.Queued)
            .Select(j => new { j.Id, j.RunAfter }).ToListAsync(cancellationToken);
        if (waiting.Any(j => j.RunAfter <= now))
        {
            return;
        }

        if (waiting.Count > 0)
        {
            var soonest = waiting.MinBy(j => j.RunAfter)!.Id;
            // Only while it is still waiting: a worker that claimed it meanwhile runs it now anyway.
            await db.BackgroundJobs.Where(j => j.Id == soonest && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfter, now), cancellationToken);
            signal.Wake(options.Value.Workers);
            return;
        }

        await EnqueueAsync(kind, null, cancellationToken);
    }

    /// <summary>The job's state as every node sees it (its row), or null when there is none.</summary>
    public Task<JobState?> StateAsync(long jobId, CancellationToken cancellationToken = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new JobState(j.Status, j.Percent, j.Processed, j.Attempts, j.Message))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record JobState(JobStatus Status, int Percent, int Processed, int Attempts, string? Message);
