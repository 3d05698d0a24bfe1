using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>A line of the member list: only what the list shows, masked.</summary>
public sealed record MemberRow(
    int Id, string Name, Gender Gender, DateOnly BirthDate, DateOnly? FullMemberOn, string OrgUnit, string? RegisteredArea,
    string? ResidenceArea, bool LivesElsewhere, CareNeeds CareNeeds, MemberStatus Status, MemberCategory Category, string IdNumberTail,
    int SubDistrictId);

public static class MemberQueries
{
    // LivesElsewhere repeats Member.LivesElsewhereRule inline: EF cannot invoke an expression inside a projection.
    public const int PageSize = 20;

    /// <summary>A name search counts its matches up to this many; past it the page says "more than".</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// One page of the list: its ids first, from the scope's index alone (its order, its columns),
    /// then only those rows. PostgreSQL cannot test a name against an index entry before reading the
    /// row; asked for the rows at once it read all 40,000 of an admin's to find 8 (470 ms cold).
    /// </summary>
    public static IQueryable<MemberRow> Page(this MemberFilter filter, DoorstepDb db, IQueryable<Member> members, int skip)
    {
        var ids = filter.Order(members, db.CurrentUser.Scope).Skip(skip).Take(PageSize).Select(m => m.Id);
        return filter.Order(db.Members.Where(m => ids.Contains(m.Id)), db.CurrentUser.Scope).ToRows();
    }

    /// <summary>
    /// What the list page and the members API read for a filter: the list as it opens from its
    /// compiled queries (<see cref="OpeningList"/>), a name search by a user who reaches whole
    /// sub-districts from the name index (ADR 0021), anything else from <see cref="MemberFilter.Apply"/>.
    /// </summary>
    public static MemberMatches Matches(this MemberFilter filter, DoorstepDb db, DateOnly today, PersonalDataProtector protector) =>
        OpeningList.Answers(filter, db.CurrentUser.Scope) ? new(filter, db, null, null)
        : filter.NameGrams(db) is { } grams ? new(filter, db, null, grams)
        : new(filter, db, filter.Apply(db, today, protector), null);

    /// <summary>
    /// The members a filter matches, read from one of three places: the name index (grams), the
    /// filter's own query (members), or, given neither, the opening list's compiled queries.
    /// </summary>
    public sealed class MemberMatches(MemberFilter filter, DoorstepDb db, IQueryable<Member>? members, IQueryable<MemberNameGram>? grams)
    {
        /// <summary>Whether the name index answers (for the query-plan tests and the benchmarks).</summary>
        public bool FromNameIndex => grams is not null;

        /// <summary>
        /// How many match; from the name index at most <paramref name="limit"/> + 1, which says "more than
        /// the limit": a bare surname over the district matches about 90,000 files, and counting them all
        /// would cost more than the page (ADR 0030).
        /// </summary>
        public Task<int> CountAsync(int limit = CountLimit) =>
            grams is not null ? grams.Take(limit + 1).CountAsync()
            : members is not null ? members.CountAsync()
            : OpeningList.CountAsync(db);

        public Task<List<MemberRow>> PageAsync(int skip) =>
            grams is not null ? NameIndexPage(skip).ToListAsync()
            : members is not null ? filter.Page(db, members, skip).ToListAsync()
            : OpeningList.PageAsync(db, skip);

        /// <summary>
        /// One page from the name index: its 20 ids, then those rows through the scoped Members, so
        /// that the index can never show a file its reader's scope does not reach.
        /// </summary>
        public IQueryable<MemberRow> NameIndexPage(int skip)
        {
            var scope = db.CurrentUser.Scope;
            var fromIndex = grams ?? throw new InvalidOperationException("This filter is not answered from the name index.");
            var ordered = MemberFilter.SeveralSubDistricts(scope)
                ? fromIndex.OrderBy(g => g.SubDistrictId).ThenBy(g => g.NamePinyin).ThenBy(g => g.Name).ThenBy(g => g.MemberId)
                : fromIndex.OrderBy(g => g.NamePinyin).ThenBy(g => g.Name).ThenBy(g => g.MemberId);
            var ids = ordered.Skip(skip).Take(PageSize).Select(g => g.MemberId);
            return filter.Order(db.Members.Where(m => ids.Contains(m.Id)), scope).ToRows();
        }
    }

    public static IQueryable<MemberRow> ToRows(this IQueryable<Member> members) => members.AsNoTracking().Select(Row);

    /// <summary>
    /// Built once, not per query: C# builds a lambda's expression tree anew each time it runs, and
    /// each property it reads costs a copy of the entity's property list (40 for a member). Built per
    /// query, this projection was 17 of the list page's 207 KB.
    /// </summary>
    internal static readonly Expression<Func<Member, MemberRow>> Row = m => new MemberRow(
        m.Id, m.Name, m.Gender, m.BirthDate, m.FullMemberOn, m.OrgUnit.Name,
        m.RegisteredArea != null ? m.RegisteredArea.Name : null,
        m.ResidenceArea != null ? m.ResidenceArea.Name : null,
        m.RegisteredAreaId != null && (m.ResidenceAreaId != null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress != null),
        m.CareNeeds, m.Status, m.Category, m.IdNumberTail, m.SubDistrictId);

    /// <summary>A member file with what its page shows beside it (org unit, areas, temporary branches); null when out of scope or unknown.</summary>
    /// <remarks>
    /// Split: in one query SQLite read every temporary-branch membership to join the file's few
    /// (measured on 1,000,000 members); on its own the membership query seeks the member's. Compiled,
    /// as the timeline's queries (see <see cref="MemberTimeline"/>).
    /// </remarks>
    public static Task<Member?> FileAsync(DoorstepDb db, int id) => File.For(db)(db, id);

    private static readonly CompiledPerModel<Func<DoorstepDb, int, Task<Member?>>> File = new(() => EF.CompileAsyncQuery((DoorstepDb db, int id) =>
        db.Members.AsNoTracking()
            .Include(m => m.OrgUnit).Include(m => m.RegisteredArea).Include(m => m.ResidenceArea)
            .Include(m => m.TemporaryBranches).ThenInclude(t => t.OrgUnit)
            .AsSplitQuery()
            .FirstOrDefault(m => m.Id == id)));
}
