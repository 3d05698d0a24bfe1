using System.Globalization;
using System.Text.RegularExpressions;
using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Audit;

/// <summary>One audit entry as the page shows it: the record by name, fields by label, values as the feature's pages show them.</summary>
public sealed record AuditRow(DateTime OccurredAt, string UserName, AuditAction Action, string Kind, string Record, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// Words for a page of audit entries. Each feature's <see cref="AuditSubject"/> knows its records; this
/// asks each kind for the names on the page once (a query per kind, never per row) and applies the
/// rules every feature shares: times in China time, dates as on the pages, yes/no.
/// </summary>
public static partial class AuditRows
{
    public static async Task<IReadOnlyList<AuditRow>> DescribeAsync(IReadOnlyList<AuditEntry> entries, IEnumerable<AuditSubject> registered)
    {
        var subjects = registered.ToDictionary(s => s.EntityType);
        var changes = entries.ToDictionary(e => e.Id, e => AuditTrail.Read(e.Changes));

        // Every record named on the page, by kind: the entries' own, and those their fields point to.
        var wanted = new Dictionary<string, HashSet<string>>();
        void Want(string kind, string? id)
        {
            if (id is not null && subjects.ContainsKey(kind))
            {
                (wanted.TryGetValue(kind, out var ids) ? ids : wanted[kind] = []).Add(id);
            }
        }

        foreach (var entry in entries)
        {
            Want(entry.EntityType, entry.EntityId);
            if (entry.Action != AuditAction.Viewed && subjects.TryGetValue(entry.EntityType, out var subject))
            {
                foreach (var change in changes[entry.Id])
                {
                    if (subject.ReferenceOf(change.Field) is { } kind)
                    {
                        Want(kind, change.Old);
                        Want(kind, change.New);
                    }
                }
            }
        }

        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var (kind, ids) in wanted)
        {
            names[kind] = await subjects[kind].NamesAsync(ids);
        }

        string? NameOf(string kind, string id) => names.TryGetValue(kind, out var known) && known.TryGetValue(id, out var name) ? name : null;

        return entries.Select(entry =>
        {
            var subject = subjects.GetValueOrDefault(entry.EntityType);
            var record = NameOf(entry.EntityType, entry.EntityId)
                ?? (entry.EntityId.All(char.IsAsciiDigit) ? $"（编号{entry.EntityId}）" : entry.EntityId);
            return new AuditRow(
                entry.OccurredAt, entry.UserName, entry.Action, subject?.Label ?? entry.EntityType, record,
                entry.Action == AuditAction.Viewed ? changes[entry.Id] : Describe(subject, changes[entry.Id], NameOf));
        }).ToList();
    }

    private static List<AuditChange> Describe(AuditSubject? subject, IReadOnlyList<AuditChange> changes, Func<string, string, string?> nameOf)
    {
        var shown = new List<AuditChange>();
        foreach (var change in changes)
        {
            string? label = null;
            var labelled = subject is not null && subject.Fields.TryGetValue(change.Field, out label);
            if (labelled && label is null)
            {
                continue;
            }

            var reference = subject?.ReferenceOf(change.Field);
            string? Value(string? raw) => raw is null ? null
                : reference is not null && nameOf(reference, raw) is { } name ? name
                : subject?.Show(change.Field, raw) ?? General(raw);
            shown.Add(new AuditChange(labelled ? label! : change.Field, Value(change.Old), Value(change.New)));
        }

        return shown;
    }

    /// <summary>The audit writes values invariantly (AuditTrail.Text): times in UTC, dates ISO, booleans in English.</summary>
    public static string General(string value)
    {
        if (UtcTime().IsMatch(value) && DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return ChinaTime.DateAndTime(utc);
        }

        if (OffsetTime().IsMatch(value) && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return ChinaTime.DateAndTime(at.UtcDateTime);
        }

        if (IsoDate().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ChinaTime.Date(date);
        }

        return value switch
        {
            "True" => "是",
            "False" => "否",
            _ => value,
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex UtcTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
