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

    /// <summary>The job's state as every node sees it (its row), or null when there is none.</summary>
    public Task<JobState?> StateAsync(long jobId, CancellationToken cancellationToken = default) =>
        db.BackgroundJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Select(j => new JobState(j.Status, j.Percent, j.Processed, j.Attempts, j.Message))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record JobState(JobStatus Status, int Percent, int Processed, int Attempts, string? Message);
