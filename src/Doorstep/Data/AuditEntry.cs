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
    /// Every user's reads and writes add entries; sub-district admins read them (the audit page), and a
    /// member's timeline reads its own after the member was found in scope. No one changes an entry.
    /// </summary>
    public static ScopeDeclaration<AuditEntry> Scope { get; } = new ScopeDeclaration<AuditEntry>()
        .ReadAll(ScopeKind.SubDistrict)
        .AppendedByAll();

    public long Id { get; set; }
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
