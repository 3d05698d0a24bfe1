using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Doorstep.Features.Members;

/// <summary>
/// The member list as it opens (nothing searched, nothing filtered, in name order) for a user whose
/// scope is one sub-district or one residential area: the page opened most, its count and page
/// compiled per kind of scope (ADR 0038). Composed on every request, the two queries were 31 of the
/// cadre's list page's 138 KB.
/// </summary>
public static class OpeningList
{
    public static bool Answers(MemberFilter filter, DataScope scope) =>
        filter.IsEmpty && Kinds.Contains(scope.Kind);

    public static Task<int> CountAsync(DoorstepDb db)
    {
        var scope = db.CurrentUser.Scope;
        return Count[scope.Kind].For(db)(db, scope.Id);
    }

    public static async Task<List<MemberRow>> PageAsync(DoorstepDb db, int skip)
    {
        var scope = db.CurrentUser.Scope;
        return await Page[scope.Kind].For(db)(db, scope.Id, skip).ToListAsync();
    }

    /// <summary>
    /// One page, as <see cref="MemberQueries.Page"/> composes it: its ids from the scope's list index,
    /// then those rows. Over the members in scope and the scoped Members; written once for the
    /// compiled queries and for the query-plan tests.
    /// </summary>
    public static readonly Expression<Func<IQueryable<Member>, IQueryable<Member>, int, IQueryable<MemberRow>>> PageOf =
        (inScope, members, skip) => members
            .Where(m => inScope.OrderBy(i => i.NamePinyin).ThenBy(i => i.Name).ThenBy(i => i.Id).Skip(skip).Take(MemberQueries.PageSize).Select(i => i.Id).Contains(m.Id))
            .OrderBy(m => m.NamePinyin).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .AsNoTracking()
            .Select(MemberQueries.Row);

    private static readonly Expression<Func<IQueryable<Member>, IQueryable<Member>, int>> CountOf = (inScope, _) => inScope.Count();

    private static readonly ScopeKind[] Kinds = [ScopeKind.SubDistrict, ScopeKind.ResidentialArea];

    private static readonly Dictionary<ScopeKind, CompiledPerModel<Func<DoorstepDb, int, Task<int>>>> Count =
        PerKind(kind => EF.CompileAsyncQuery(InReach<Func<DoorstepDb, int, int>>(kind, CountOf)));

    private static readonly Dictionary<ScopeKind, CompiledPerModel<Func<DoorstepDb, int, int, IAsyncEnumerable<MemberRow>>>> Page =
        PerKind(kind => EF.CompileAsyncQuery(InReach<Func<DoorstepDb, int, int, IQueryable<MemberRow>>>(kind, PageOf)));

    private static Dictionary<ScopeKind, CompiledPerModel<TQuery>> PerKind<TQuery>(Func<ScopeKind, TQuery> compile) where TQuery : class =>
        Kinds.ToDictionary(kind => kind, kind => new CompiledPerModel<TQuery>(() => compile(kind)));

    /// <summary>
    /// <c>(inScope, members, …) => …</c> made <c>(db, scopeId, …) => …</c>: the members in scope are
    /// the scoped Members with the kind's reach from <see cref="Member.Scope"/>, the scope's id a
    /// parameter, as <see cref="DoorstepDb.InScope{T}"/> writes them for a composed query.
    /// </summary>
    private static Expression<TCompiled> InReach<TCompiled>(ScopeKind kind, LambdaExpression query)
    {
        var db = Expression.Parameter(typeof(DoorstepDb), "db");
        var scopeId = Expression.Parameter(typeof(int), "scopeId");
        var members = Expression.Property(db, nameof(DoorstepDb.Members));
        var inScope = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Member)], members, Expression.Quote(Member.Scope.Reach(kind, scopeId, null)!));
        var body = new ReplacingExpressionVisitor([query.Parameters[0], query.Parameters[1]], [inScope, members]).Visit(query.Body);
        return Expression.Lambda<TCompiled>(body, [db, scopeId, .. query.Parameters.Skip(2)]);
    }
}
