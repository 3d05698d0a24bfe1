using System.Globalization;
using System.Text.Json;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Doorstep.Data;

/// <summary>Turns the change tracker's pending writes into audit entries.</summary>
internal static class AuditTrail
{
    // Key material and tokens are secrets in themselves: their rows are not audited at all. Nor are
    // background jobs (bookkeeping of the queue, whose work audits itself), a file's bytes (its record is)
    // nor rows derived from audited ones.
    /// <summary>Values never copied into the audit: ciphertexts, hashes and secrets. The entry says they changed.</summary>
    private static readonly string[] ProtectedSuffixes = ["Cipher", "Hash", "Stamp", "Tail"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A captured write; keys of new rows are read after the save has assigned them.</summary>
    internal sealed record Pending(EntityEntry Entry, AuditAction Action, IReadOnlyList<AuditChange> Changes);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or DataProtectionKey or IdentityUserToken<string> or BackgroundJob or IFileBytes or IDerived || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };

            var changes = new List<AuditChange>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name == nameof(IVersioned.Version) || property.Metadata.IsPrimaryKey() && action == AuditAction.Created)
                {
                    continue;
                }

                var changed = action switch
                {
                    AuditAction.Created => property.CurrentValue is not null,
                    AuditAction.Deleted => property.OriginalValue is not null,
                    _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                };
                if (!changed)
                {
                    continue;
                }

                if (ProtectedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) || name == "PasswordHash")
                {
                    changes.Add(new AuditChange(name, null, "（已更改，受保护字段不记录内容）"));
                    continue;
                }

                changes.Add(new AuditChange(
                    name,
                    action == AuditAction.Created ? null : Text(property.OriginalValue),
                    action == AuditAction.Deleted ? null : Text(property.CurrentValue)));
            }

            if (changes.Count > 0 || action != AuditAction.Updated)
            {
                pending.Add(new Pending(entry, action, changes));
            }
        }

        return pending;
    }

    public static AuditEntry ToEntry(Pending p, CurrentUser user, DateTime now) => new()
    {
        SubDistrictId = SubDistrictOf(p.Entry) ?? OwnSubDistrict(user),
        OccurredAt = now,
        UserId = user.Id,
        UserName = user.Name,
        EntityType = p.Entry.Metadata.ShortName(),
        EntityId = KeyOf(p.Entry),
        Action = p.Action,
        Changes = JsonSerializer.Serialize(p.Changes, Json),
    };

    /// <summary>The acting user's sub-district, for reads and for records that carry none; none for the system.</summary>
    public static int? OwnSubDistrict(CurrentUser user) => user.Scope.SubDistrictId > 0 ? user.Scope.SubDistrictId : null;

    /// <summary>The sub-district a record belongs to: its SubDistrictId, or its own key for a sub-district.</summary>
    private static int? SubDistrictOf(EntityEntry entry)
    {
        if (entry.Metadata.ClrType == typeof(SubDistrict))
        {
            return ((SubDistrict)entry.Entity).Id;
        }

        return entry.Metadata.FindProperty(nameof(AuditEntry.SubDistrictId)) is { } property
            ? entry.Property(property.Name).CurrentValue as int?
            : null;
    }

    public static string Serialize(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> Read(string changes) =>
        JsonSerializer.Deserialize<List<AuditChange>>(changes, Json) ?? [];

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
