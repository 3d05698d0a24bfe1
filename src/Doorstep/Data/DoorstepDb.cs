using System.Linq.Expressions;
using Doorstep.Features.Accounts;
using Doorstep.Features.Members;
using Doorstep.Features.Members.Import;
using Doorstep.Features.Organizations;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Doorstep.Data;

/// <summary>
/// The one DbContext. It applies the current user's data scope to every query (query filters below)
/// and records an audit entry for every write in the same transaction (SaveChangesAsync). Each
/// database provider has a subclass that owns its migrations (SqliteDoorstepDb, PostgresDoorstepDb);
/// everything else asks for DoorstepDb. Contexts are pooled (ADR 0036): the request's user is read
/// through the singleton <see cref="CurrentUserAccessor"/> at each query, never kept in a field.
/// </summary>
public abstract class DoorstepDb(DbContextOptions options, CurrentUserAccessor currentUser, TimeProvider clock)
    : IdentityDbContext<UserAccount>(options), IDataProtectionKeyContext
{
    public CurrentUser CurrentUser => currentUser.Current;

    // Query filters read these each time a query runs, so each query sees the scope of the user at
    // that moment. A kind's id is null unless the user's scope is of that kind: EF drops the terms a
    // null makes false, so an area cadre's query carries the area's term alone (ADR 0031).
    private bool FilterEverything => CurrentUser.Scope.Kind == ScopeKind.Everything;

    private int? FilterIdOf(ScopeKind kind) => CurrentUser.Scope.Kind == kind ? CurrentUser.Scope.Id : null;

    private ScopeKind FilterKind => CurrentUser.Scope.Kind;
    private int FilterScopeId => CurrentUser.Scope.Id;

    public DbSet<SubDistrict> SubDistricts => Set<SubDistrict>();
    public DbSet<ResidentialArea> ResidentialAreas => Set<ResidentialArea>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberNameGram> MemberNameGrams => Set<MemberNameGram>();
    public DbSet<TemporaryBranchMembership> TemporaryBranchMemberships => Set<TemporaryBranchMembership>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<MemberImport> MemberImports => Set<MemberImport>();
    public DbSet<MemberImportContent> MemberImportContents => Set<MemberImportContent>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PersonalDataKeyRecord> PersonalDataKeyRecords => Set<PersonalDataKeyRecord>();

    /// <summary>
    /// Members, with the current user's scope also written as a plain predicate for their kind of
    /// scope. The query filter (an OR over every kind, with parameters) stays the guarantee, but a
    /// database cannot seek an index through it; this AND gives it one. Measured on 1,000,000
    /// members (SQLite): a pinyin search went from a scan of every member to an index range.
    /// </summary>
    public IQueryable<Member> MembersInScope => InScope<Member>();

    /// <summary>
    /// Any scoped entity, with the current user's reach ANDed to its query filter as a plain predicate
    /// (see <see cref="MembersInScope"/>): <c>SubDistrictId = @id</c> for an admin, <c>OrgUnitAreaId = @id</c>
    /// for an area cadre, <c>SubDistrictId IN (the district's sub-districts)</c> for a district user.
    /// </summary>
    public IQueryable<T> InScope<T>() where T : class, IScoped<T>
    {
        var scope = CurrentUser.Scope;
        var id = scope.Id;
        // Closures, not constants: EF sends them as parameters, so one plan serves every user of a kind.
        Expression<Func<int>> scopeId = () => id;
        var reach = T.Scope.Reach(scope.Kind, scopeId.Body, scope.Kind == ScopeKind.District ? InDistrictOf(scope.SubDistrictId) : null);
        return reach is null ? Set<T>() : Set<T>().Where(reach);
    }

    /// <summary>The district user's reach: the sub-districts of their own sub-district's district (and city).</summary>
    private Expression<Func<int, bool>> InDistrictOf(int home)
    {
        var district = SubDistricts.Where(s => s.District != "" && SubDistricts.Any(h => h.Id == home && h.District == s.District && h.City == s.City)).Select(s => s.Id);
        return subDistrictId => district.Contains(subDistrictId);
    }

    /// <summary>
    /// For the query filters: whether a sub-district lies in the district (and city) of the district
    /// user's own sub-district. Correlated and by primary key on purpose: it sits in every filter's OR
    /// beside the other kinds, and in this form it costs other users nothing and shows no scan in their
    /// plans (QueryPlanTests); the district user's own seek is the IN of <see cref="InScope{T}"/>.
    /// </summary>
    private Expression<Func<int, bool>> InFilteredDistrict => subDistrictId =>
        SubDistricts.Any(s => s.Id == subDistrictId
            && SubDistricts.Any(h => h.Id == FilterIdOf(ScopeKind.District) && h.District != "" && h.District == s.District && h.City == s.City));

    /// <summary>
    /// 人户分离, the other way round: members whose file is held by another area but who live in the
    /// area cadre's own. The cadre may see them to visit and invite them (加强与居住地党组织联动), but
    /// only through this projection, ordered by address for a round of visits: the fields a visit
    /// needs, nothing protected, no way to write. This is the one place that reaches past the
    /// Members filter for it.
    /// </summary>
    public IQueryable<Resident> ResidentsFromElsewhere =>
        Set<Member>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => FilterKind == ScopeKind.ResidentialArea
                && m.PendingImportId == null
                && m.ResidenceAreaId == FilterScopeId
                && m.OrgUnitAreaId != FilterScopeId
                && m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .OrderBy(m => m.ResidenceAddress).ThenBy(m => m.Id)
            .Select(m => new Resident(
                m.Id, m.Name, m.Gender, m.BirthDate, m.ResidenceAddress, m.CareNeeds, m.OrgUnit.Name,
                m.RegisteredArea != null ? m.RegisteredArea.Name : null));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DoorstepDb).Assembly);

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.HasIndex(x => new { x.EntityType, x.EntityId, x.OccurredAt });
            e.HasIndex(x => x.OccurredAt);
            // The audit page: a sub-district's entries, newest first, paged by id.
            e.HasIndex(x => new { x.SubDistrictId, x.Id });
        });

        builder.Entity<PersonalDataKeyRecord>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.KeyHash).HasMaxLength(64);
        });

        // Each scoped entity's filter comes from its own declaration (IScoped); nothing here names one.
        var context = Expression.Constant(this, typeof(DoorstepDb));
        var everything = Expression.Property(context, nameof(FilterEverything));
        var idOf = typeof(DoorstepDb).GetMethod(nameof(FilterIdOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null).ToList())
        {
            if (ScopeDeclaration.Of(entity.ClrType) is { } declaration)
            {
                builder.Entity(entity.ClrType).HasQueryFilter(declaration.Filter(everything, kind => Expression.Call(context, idOf, Expression.Constant(kind)), InFilteredDistrict));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A save inside a transaction would be bracketed by SAVEPOINT and RELEASE, two more round
        // trips each; nothing here goes on in a transaction after a failed save (ADR 0035).
        Database.AutoSavepointsEnabled = false;
        // Changes are detected once, here (and on each row the save sets columns of): not by every look
        // at the entries below and in EF's saves, which compared each tracked row ten times or more.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<Guid> filesGone;
        int written;
        try
        {
            filesGone = await DeleteOwnedFilesAsync(cancellationToken);
            written = await SaveAndAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }

        // Bytes outside the database go once the deletion is committed; inside a caller's transaction
        // that may still roll back, they are left for the file sweep.
        if (filesGone.Count > 0 && Database.CurrentTransaction is null)
        {
            var store = this.GetService<IFileStore>();
            filesGone.ForEach(store.Delete);
        }

        return written;
    }

    /// <summary>
    /// A record that owns stored files (a visit's photos) takes them along when it is deleted: their
    /// records in this save, their bytes with them (ADR 0012).
    /// </summary>
    private async Task<List<Guid>> DeleteOwnedFilesAsync(CancellationToken cancellationToken)
    {
        var deleted = ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted).ToList();
        if (deleted.Count == 0)
        {
            return [];
        }

        var owners = deleted.Where(e => e.Entity is not StoredFile and not StoredFileContent and not AuditEntry)
            .Select(e => e.Metadata.FindPrimaryKey() is { Properties: [var key] } ? StoredFile.OwnerOf(e.Metadata.ShortName(), e.Property(key.Name).OriginalValue!) : null)
            .OfType<string>().ToList();
        if (owners.Count > 0)
        {
            foreach (var file in await StoredFiles.Where(f => owners.Contains(f.Owner)).ToListAsync(cancellationToken))
            {
                StoredFiles.Remove(file);
            }
        }

        return ChangeTracker.Entries<StoredFile>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
    }

    private async Task<int> SaveAndAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified).ToList())
        {
            entry.Entity.Version++;
            entry.DetectChanges();
        }

        foreach (var entry in ChangeTracker.Entries<Member>()
                     .Where(e => e.State == EntityState.Added || e.State == EntityState.Modified && e.Property(m => m.Name).IsModified).ToList())
        {
            entry.Entity.NameInitials = Pinyin.Initials(entry.Entity.Name);
            entry.Entity.NamePinyin = Pinyin.SortKey(entry.Entity.Name);
            DetectIfModified(entry);
        }

        var units = await UnitsOfWrittenMembersAsync(cancellationToken);
        foreach (var entry in ChangeTracker.Entries<Member>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            // A unit created in the same save is not in the database yet; DetectChanges has pointed
            // the navigation at whichever unit the key now names, or cleared it.
            entry.Entity.OrgUnitAreaId = entry.Entity.OrgUnit is { } unit
                ? unit.ResidentialAreaId
                : units.GetValueOrDefault(entry.Entity.OrgUnitId)?.ResidentialAreaId;
            DetectIfModified(entry);
        }

        GuardScope(units);
        var grams = MemberNameGram.Changes(ChangeTracker);
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0 && grams.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // New rows get their keys from the first save; the audit rows follow in the same transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = acceptAllChangesOnSuccess ? await InsertInBulkAsync(cancellationToken) : 0;
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await grams.WriteAsync(this, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var audit = pending.Select(p => AuditTrail.ToEntry(p, CurrentUser, now)).ToList<object>();
            var auditEntry = Model.FindEntityType(typeof(AuditEntry))!;
            if (audit.Count >= BulkInsert.Threshold)
            {
                await BulkInsert.InsertAsync(this, auditEntry, audit, cancellationToken);
            }
            else if (audit.Count > 0)
            {
                await BulkInsert.InsertFewAsync(this, auditEntry, audit, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>A new row is inserted as it stands; a changed one must have the columns the save set marked.</summary>
    private static void DetectIfModified(EntityEntry entry)
    {
        if (entry.State == EntityState.Modified)
        {
            entry.DetectChanges();
        }
    }

    /// <summary>
    /// New rows by the hundred (an import's chunk of members) are written with <see cref="BulkInsert"/>
    /// rather than one INSERT each; they then count as saved, with the keys the database gave them,
    /// so that their audit rows name them. Only rows that no other new row of this save refers to,
    /// or is referred to by, go this way: the rest, and every change, is left to EF.
    /// </summary>
    private async Task<int> InsertInBulkAsync(CancellationToken cancellationToken)
    {
        var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList();
        var written = 0;
        foreach (var group in added.Where(g => g.Count() >= BulkInsert.Threshold && BulkInsert.Fits(g.Key)))
        {
            var related = group.Key.GetForeignKeys().Select(f => f.PrincipalEntityType)
                .Concat(group.Key.GetReferencingForeignKeys().Select(f => f.DeclaringEntityType)).ToHashSet();
            if (added.Any(g => related.Contains(g.Key)))
            {
                continue;
            }

            var entries = group.ToList();
            var keys = await BulkInsert.InsertAsync(this, group.Key, entries.Select(e => e.Entity).ToList(), cancellationToken);
            var key = group.Key.FindPrimaryKey()!.Properties[0];
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i].Property(key.Name).CurrentValue = Convert.ChangeType(keys[i], key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                entries[i].State = EntityState.Unchanged;
            }

            written += entries.Count;
        }

        return written;
    }

    /// <summary>
    /// The query filters keep other scopes' records from being read; this keeps a record from being
    /// written where the user could not read it afterwards, e.g. a file created under another area's
    /// branch, by the same declarations. It checks each record as it will be saved, so completing a
    /// transfer passes for the receiving area and the admin, never for the sending area alone. A
    /// read-only scope (a district) changes nothing at all: only the audit of its reads is written.
    /// </summary>
    private void GuardScope(Dictionary<int, UnitPlace> units)
    {
        var user = CurrentUser;
        var scope = user.Scope;
        if (scope.Kind == ScopeKind.Everything)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var declaration = ScopeDeclaration.Of(entry.Metadata.ClrType);
            var allowed = declaration is { AppendedByEveryone: true } && entry.State == EntityState.Added
                || (declaration?.MayWrite(entry.Entity, scope) ?? !scope.IsReadOnly)
                // Any request may have to add a key to the ring that signs its cookie.
                || entry.Entity is DataProtectionKey;
            if (!allowed)
            {
                throw new ScopeViolationException($"{user.Name} may not write {entry.Metadata.ClrType.Name} {Describe(entry)}.");
            }
        }

        // A file's unit must stand in the file's own sub-district: otherwise a cadre could file a member of
        // their area under another sub-district, where that sub-district's admin would read it.
        foreach (var entry in ChangeTracker.Entries<Member>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (units.GetValueOrDefault(entry.Entity.OrgUnitId) is not { } unit || unit.SubDistrictId != entry.Entity.SubDistrictId)
            {
                throw new ScopeViolationException($"{user.Name} may not write member {entry.Entity.Id} under org unit {entry.Entity.OrgUnitId}.");
            }
        }
    }

    private static string Describe(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue) ?? []);

    private sealed record UnitPlace(int Id, int SubDistrictId, int? ResidentialAreaId);

    /// <summary>
    /// Where the org units of the files being written stand: the scope guard checks them and each
    /// file takes its unit's area (OrgUnitAreaId). One query for all of them: an import saves
    /// thousands of files at once. An org unit with files never changes area (no page moves one).
    /// </summary>
    private async Task<Dictionary<int, UnitPlace>> UnitsOfWrittenMembersAsync(CancellationToken cancellationToken)
    {
        var unitIds = ChangeTracker.Entries<Member>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.OrgUnitId).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            return [];
        }

        return await OrgUnits.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id))
            .Select(u => new UnitPlace(u.Id, u.SubDistrictId, u.ResidentialAreaId))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    /// <summary>Records a sensitive read (a revealed ID number, a full export) in the audit.</summary>
    public void RecordView(string entityType, string entityId, string what) =>
        RecordView(entityType, entityId, [new AuditChange(what, null, null)]);

    /// <summary>Records a sensitive read with its particulars, e.g. an export's filter, row count and reason.</summary>
    public void RecordView(string entityType, string entityId, IReadOnlyList<AuditChange> what) =>
        AuditEntries.Add(new AuditEntry
        {
            SubDistrictId = AuditTrail.OwnSubDistrict(CurrentUser),
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = CurrentUser.Id,
            UserName = CurrentUser.Name,
            EntityType = entityType,
            EntityId = entityId,
            Action = AuditAction.Viewed,
            Changes = AuditTrail.Serialize(what),
        });
}
