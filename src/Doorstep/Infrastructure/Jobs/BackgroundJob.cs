using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Infrastructure.Jobs;

public enum JobStatus
{
    /// <summary>Waiting for a worker, from <see cref="BackgroundJob.RunAfter"/>.</summary>
    Queued,
    /// <summary>Claimed by a worker until its lease runs out; a lapsed lease means the worker is gone.</summary>
    Running,
    Succeeded,
    /// <summary>Failed on every allowed attempt; <see cref="BackgroundJob.Message"/> says why, in Chinese.</summary>
    Failed,
}

/// <summary>
/// 后台任务: work done outside a request (an import's check and write, the roster clean-up), kept in
/// the database so that it survives a restart and any node can do it, once. It records who asked,
/// with their scope, so that it runs as them (ADR 0013).
/// </summary>
public class BackgroundJob
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> does it.</summary>
    public required string Kind { get; set; }

    /// <summary>What the handler needs, e.g. an import's id; never personal data.</summary>
    public string? Payload { get; set; }

    /// <summary>Who asked; null for the system's own recurring work.</summary>
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>The scope the user had when they asked (JSON of <see cref="DataScope"/>).</summary>
    public required string UserScope { get; set; }

    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTime RunAfter { get; set; }

    /// <summary>The worker that holds the job, and until when; a worker renews its lease while it runs.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>How far a running job is, written by the worker between batches so every node can read it.</summary>
    public int Percent { get; set; }
    public int Processed { get; set; }

    /// <summary>The last failure, in Chinese for a user; the exception itself goes to the log.</summary>
    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public static BackgroundJob For(string kind, string? payload, CurrentUser user, DateTime now, int maxAttempts = 3) => new()
    {
        Kind = kind,
        Payload = payload,
        UserId = user.Id,
        UserName = user.Name,
        UserScope = JsonSerializer.Serialize(user.Scope),
        Status = JobStatus.Queued,
        MaxAttempts = maxAttempts,
        RunAfter = now,
        CreatedAt = now,
    };

    /// <summary>The user the job runs as: the one who asked, with the scope they had (the system's, named, for its own work).</summary>
    public CurrentUser RunsAs() =>
        new(UserId, UserName, JsonSerializer.Deserialize<DataScope>(UserScope) ?? DataScope.Nobody);
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> e)
    {
        e.Property(x => x.Kind).HasMaxLength(100);
        e.Property(x => x.Payload).HasMaxLength(1000);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.UserScope).HasMaxLength(500);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.Property(x => x.Message).HasMaxLength(500);
        // The claim looks for the oldest queued job, or a running one whose lease has lapsed.
        e.HasIndex(x => new { x.Status, x.RunAfter });
        e.HasIndex(x => new { x.Kind, x.Status });
    }
}
