using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Members;

/// <summary>
/// One entry of the name index (ADR 0021): a piece of a member's name, with the keys the search needs
/// beside it, so that a name search reads one range of one index in the list's order. A member has
/// the first character of the name alone (where the surname starts: the only one-character gram), and
/// every run of 2, 3 and 4 characters (王小明 → 王, 王小, 小明, 王小明). Derived from the file and kept
/// by DoorstepDb with it; never audited, never edited. Grams are counted in characters (code points),
/// as the databases' substr and length count them.
/// </summary>
public class MemberNameGram : IScoped<MemberNameGram>
{
    /// <summary>The longest gram: a query longer than this seeks its first four characters and tests the name.</summary>
    public const int MaxLength = 4;

    /// <summary>
    /// The same reach as the member's file, for the kinds that search through this index; a temporary
    /// branch's secretary never does (their few dozen files are read through Members).
    /// </summary>
    public static ScopeDeclaration<MemberNameGram> Scope { get; } = new ScopeDeclaration<MemberNameGram>()
        .VisibleWhen(g => g.PendingImportId == null)
        .ReadWrite(ScopeKind.SubDistrict, g => g.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, g => g.OrgUnitAreaId)
        .Read(ScopeKind.MemberCard, g => g.MemberId);

    public required string Gram { get; set; }
    public int MemberId { get; set; }
    public int SubDistrictId { get; set; }
    public int? OrgUnitAreaId { get; set; }
    public int? PendingImportId { get; set; }
    public string NamePinyin { get; set; } = "";
    public required string Name { get; set; }

    /// <summary>The grams of a name, each once: the one place that says what the index holds.</summary>
    public static IEnumerable<string> Of(string name)
    {
        var characters = name.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (characters.Length == 0)
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { characters[0] };
        yield return characters[0];
        for (var length = 2; length <= MaxLength; length++)
        {
            for (var start = 0; start + length <= characters.Length; start++)
            {
                var gram = string.Concat(characters.AsSpan(start, length));
                if (seen.Add(gram))
                {
                    yield return gram;
                }
            }
        }
    }

    /// <summary>
    /// The migration's fill of the index for files already on record, in SQL that SQLite and
    /// PostgreSQL both run: the same grams as <see cref="Of"/> (substr and length count characters on
    /// both; UNION keeps each gram of a file once). Names are at most 50 characters.
    /// </summary>
    public const string Backfill = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50),
        g(member_id, gram) AS (
            SELECT m."Id", substr(m."Name", 1, 1) FROM "Members" m WHERE length(m."Name") > 0
            UNION
            SELECT m."Id", substr(m."Name", s.i, k.i) FROM "Members" m
            JOIN n s ON s.i < length(m."Name")
            JOIN n k ON k.i BETWEEN 2 AND 4 AND s.i + k.i - 1 <= length(m."Name"))
        INSERT INTO "MemberNameGrams" ("Gram", "MemberId", "SubDistrictId", "OrgUnitAreaId", "PendingImportId", "NamePinyin", "Name")
        SELECT g.gram, m."Id", m."SubDistrictId", m."OrgUnitAreaId", m."PendingImportId", m."NamePinyin", m."Name"
        FROM g JOIN "Members" m ON m."Id" = g.member_id
        """;

    /// <summary>The entries of one member's file as it stands.</summary>
    public static IEnumerable<MemberNameGram> For(Member member) =>
        Of(member.Name).Select(gram => new MemberNameGram
        {
            Gram = gram,
            MemberId = member.Id,
            SubDistrictId = member.SubDistrictId,
            OrgUnitAreaId = member.OrgUnitAreaId,
            PendingImportId = member.PendingImportId,
            NamePinyin = member.NamePinyin,
            Name = member.Name,
        });

    /// <summary>
    /// What a name query seeks: a query of one character is a surname (the name starts with it), of
    /// 2–4 characters a gram as it is; a longer one seeks its first four and is tested against the
    /// name in the index entries (<paramref name="longer"/>).
    /// </summary>
    public static string Sought(string query, out bool longer)
    {
        var characters = query.EnumerateRunes().ToArray();
        longer = characters.Length > MaxLength;
        return longer ? string.Concat(characters.Take(MaxLength).Select(r => r.ToString())) : query;
    }

    private static readonly string[] Keys =
        [nameof(Member.Name), nameof(Member.NamePinyin), nameof(Member.SubDistrictId), nameof(Member.OrgUnitAreaId), nameof(Member.PendingImportId)];

    /// <summary>
    /// The files of a save whose entries must be written: new ones, and changed ones whose name, sort
    /// key or scope keys moved (their old entries go first). Read before the save, which forgets
    /// what changed; a deleted file's entries go with it (cascade).
    /// </summary>
    public static Pending Changes(ChangeTracker tracker)
    {
        var pending = new Pending();
        foreach (var entry in tracker.Entries<Member>())
        {
            if (entry.State == EntityState.Added)
            {
                pending.Written.Add(entry.Entity);
            }
            else if (entry.State == EntityState.Modified
                     && Keys.Any(k => !Equals(entry.Property(k).OriginalValue, entry.Property(k).CurrentValue)))
            {
                pending.Written.Add(entry.Entity);
                pending.Replaced.Add(entry.Entity.Id);
            }
        }

        return pending;
    }

    public sealed class Pending
    {
        public List<Member> Written { get; } = [];
        public List<int> Replaced { get; } = [];
        public bool IsEmpty => Written.Count == 0;

        /// <summary>In the save's transaction, after the files (new ones have their keys by now).</summary>
        public async Task WriteAsync(DoorstepDb db, CancellationToken cancellationToken)
        {
            foreach (var chunk in Replaced.Chunk(1000))
            {
                await db.MemberNameGrams.IgnoreQueryFilters().Where(g => chunk.Contains(g.MemberId)).ExecuteDeleteAsync(cancellationToken);
            }

            var rows = Written.SelectMany(For).ToList<object>();
            if (rows.Count > 0)
            {
                await BulkInsert.InsertWithKeysAsync(db, db.Model.FindEntityType(typeof(MemberNameGram))!, rows, cancellationToken);
            }
        }
    }
}

internal sealed class MemberNameGramConfiguration : IEntityTypeConfiguration<MemberNameGram>
{
    /// <summary>The name search's one range: a gram in a sub-district, in the list's order, every column the search reads.</summary>
    public const string ListOrder = "IX_MemberNameGrams_ListOrder";

    public void Configure(EntityTypeBuilder<MemberNameGram> e)
    {
        e.HasKey(x => new { x.MemberId, x.Gram });
        e.Property(x => x.Gram).HasMaxLength(2 * MemberNameGram.MaxLength);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NamePinyin).HasMaxLength(350);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        // Gram, scope, the list's order, then what the query filter tests: a search is one range read
        // on the index alone, a page its next 20 entries. The primary key (member first) serves the
        // rewrite of one file's entries and the cascade when a file is deleted.
        e.HasIndex(x => new { x.Gram, x.SubDistrictId, x.NamePinyin, x.Name, x.MemberId, x.OrgUnitAreaId, x.PendingImportId }, ListOrder);
        // An import's entries, to show them with its files (as on Members).
        e.HasIndex(x => x.PendingImportId).HasFilter("\"PendingImportId\" IS NOT NULL");
    }
}
