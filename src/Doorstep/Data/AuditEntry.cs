using Doorstep.Infrastructure;

namespace Doorstep.Data;

public enum AuditAction { Created, Updated, Deleted, Viewed }

/// <summary>
/// One write (or one sensitive read) by one user: who, when, which entity, and each changed field as
/// old → new. Written in the same transaction as the change; never updated or deleted.
/// </summary>
public class AuditEntry : IScoped<AuditEntry>
{
    /// <summary>
    /// Every user's reads and writes add entries; a sub-district's admins read its own (the audit page),
    /// and a member's timeline reads the member's after the member was found in scope. No one changes
    /// an entry. An entry no sub-district owns (the system's work on shared records) only the system reads.
    /// </summary>
    public static ScopeDeclaration<AuditEntry> Scope { get; } = new ScopeDeclaration<AuditEntry>()
        .Read(ScopeKind.SubDistrict, a => a.SubDistrictId)
        .AppendedByAll();

    public long Id { get; set; }

    /// <summary>
    /// The sub-district whose record was read or written (the record's own, else the acting user's),
    /// so that the admins of one sub-district never read another's history of its people.
    /// </summary>
    public int? SubDistrictId { get; set; }

    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON array of <see cref="AuditChange"/>; for a sensitive read, what was seen and why.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>A field's old and new value as text; protected fields record that they changed, never their values.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);
