namespace Doorstep.Infrastructure;

/// <summary>
/// How the audit page shows one kind of record (an audit entry's entity type): its name, its fields'
/// labels, values as the feature's own pages show them, and each record by its name instead of an id.
/// The feature that owns the record registers it (<see cref="AuditSubjectSetup.AddAuditSubject{T}"/>);
/// the audit page asks every registered subject and lists none by hand.
/// </summary>
public abstract class AuditSubject
{
    /// <summary>The entity type as the audit stores it (the EF entity's short name, e.g. Member).</summary>
    public abstract string EntityType { get; }

    /// <summary>What users call such a record, e.g. 党员档案.</summary>
    public abstract string Label { get; }

    /// <summary>Place in the audit page's list of kinds; features follow the navigation's order.</summary>
    public abstract int Order { get; }

    /// <summary>
    /// Each audited field with its label. A field listed with null is not shown: a copy kept for queries
    /// (pinyin initials, the hash and last four beside a ciphertext) or bookkeeping. A field missing here
    /// shows under its own name, so a new column is never hidden by accident.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>();

    /// <summary>The kind of record a field holds the id of (OrgUnitId → OrgUnit): shown by that record's name.</summary>
    public virtual string? ReferenceOf(string field) => null;

    /// <summary>A value as the feature's pages show it (an enum's label), or null to let the general rules show it (dates, times, yes/no).</summary>
    public virtual string? Show(string field, string value) => null;

    /// <summary>
    /// The names of the records with these ids (as the audit stores them), read in one query for a whole
    /// page of the audit and within the viewer's scope: an id the viewer may not see gets no name.
    /// </summary>
    public virtual Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>The ids as numbers, skipping any that are not (a composite key, a file name).</summary>
    protected static List<int> NumericIds(IEnumerable<string> ids) =>
        ids.Select(id => int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();

    protected static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class AuditSubjectSetup
{
    /// <summary>Scoped, as a subject reads names through the request's DoorstepDb and so within its user's scope.</summary>
    public static IServiceCollection AddAuditSubject<T>(this IServiceCollection services) where T : AuditSubject =>
        services.AddScoped<AuditSubject, T>();
}
