using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Tests.Data;

/// <summary>
/// The expression builder behind scope by declaration, on a record no entity has yet: the 创文 problem a
/// department handles. Tests cannot add an entity to the model, so the filter is compiled and run in
/// memory here, with the same terms DoorstepDb hands EF; the database side is proven by the real
/// entities (ScopeTests, TransferScopeTests, DistrictScopeTests, BackgroundScopeTests).
/// </summary>
public sealed class ScopeDeclarationBuilderTests
{
    private sealed class Problem
    {
        public int SubDistrictId { get; init; }
        public int? DepartmentId { get; init; }
    }

    /// <summary>What DoorstepDb's filter reads when a query runs: the current scope.</summary>
    private sealed class Current
    {
        public DataScope Scope { get; set; } = DataScope.Nobody;
        public bool Everything => Scope.Kind == ScopeKind.Everything;

        public int? IdOf(ScopeKind kind) => Scope.Kind == kind ? Scope.Id : null;

        /// <summary>The filter with the same terms DoorstepDb hands EF, reading this scope when it runs.</summary>
        public Func<Problem, bool> Filter()
        {
            var current = Expression.Constant(this);
            var idOf = typeof(Current).GetMethod(nameof(IdOf))!;
            Expression<Func<int, bool>> inDistrict = subDistrictId => Scope.Kind == ScopeKind.District && InDistrict.Compile()(subDistrictId);
            return Declaration.Filter(
                Expression.Property(current, nameof(Everything)),
                kind => Expression.Call(current, idOf, Expression.Constant(kind)),
                inDistrict).Compile();
        }
    }

    private static readonly ScopeDeclaration<Problem> Declaration = new ScopeDeclaration<Problem>()
        .ReadWrite(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .ReadWrite(ScopeKind.Department, p => p.DepartmentId);

    /// <summary>虹口区 is sub-districts 1 and 2 here; 3 lies in another district.</summary>
    private static readonly Expression<Func<int, bool>> InDistrict = subDistrictId => subDistrictId == 1 || subDistrictId == 2;

    private static readonly Problem[] Problems =
    [
        new() { SubDistrictId = 1, DepartmentId = 7 },
        new() { SubDistrictId = 1, DepartmentId = 8 },
        new() { SubDistrictId = 2, DepartmentId = null },
        new() { SubDistrictId = 3, DepartmentId = 7 },
    ];

    private static List<int> Seen(DataScope scope)
    {
        var filter = new Current { Scope = scope }.Filter();
        return Enumerable.Range(0, Problems.Length).Where(i => filter(Problems[i])).ToList();
    }

    [Fact]
    public void A_department_handler_sees_only_the_records_of_their_department()
    {
        Assert.Equal([0, 3], Seen(new DataScope(ScopeKind.Department, 1, DepartmentId: 7)));
        Assert.Equal([1], Seen(new DataScope(ScopeKind.Department, 1, DepartmentId: 8)));
    }

    [Fact]
    public void Each_kind_of_scope_sees_what_the_declaration_gives_it_and_nobody_sees_nothing()
    {
        Assert.Equal([0, 1], Seen(new DataScope(ScopeKind.SubDistrict, 1)));
        Assert.Equal([0, 1, 2], Seen(new DataScope(ScopeKind.District, 1)));
        Assert.Equal([0, 1, 2, 3], Seen(DataScope.Everything));
        Assert.Empty(Seen(DataScope.Nobody));
        Assert.Empty(Seen(new DataScope(ScopeKind.ResidentialArea, 1, ResidentialAreaId: 7)));
        Assert.Empty(Seen(new DataScope(ScopeKind.MemberCard, 1, MemberId: 7)));
    }

    [Fact]
    public void The_filter_reads_the_scope_when_it_runs_not_when_it_was_built()
    {
        var current = new Current { Scope = new DataScope(ScopeKind.Department, 1, DepartmentId: 7) };
        var filter = current.Filter();

        var before = Problems.Count(filter);
        current.Scope = new DataScope(ScopeKind.Department, 1, DepartmentId: 8);

        Assert.Equal(2, before);
        Assert.Equal(1, Problems.Count(filter));
    }

    [Fact]
    public void A_department_handler_may_write_a_record_of_their_department_only_and_a_district_user_none()
    {
        var handler = new DataScope(ScopeKind.Department, 1, DepartmentId: 7);

        Assert.True(Declaration.MayWrite(Problems[0], handler));
        Assert.False(Declaration.MayWrite(Problems[1], handler));
        Assert.False(Declaration.MayWrite(Problems[2], handler));
        Assert.True(Declaration.MayWrite(Problems[0], new DataScope(ScopeKind.SubDistrict, 1)));
        Assert.False(Declaration.MayWrite(Problems[0], new DataScope(ScopeKind.District, 1)));
        Assert.False(Declaration.MayWrite(Problems[0], DataScope.Nobody));
        Assert.True(Declaration.MayWrite(Problems[3], DataScope.Everything));
    }

    [Fact]
    public void The_plain_predicate_of_a_kind_compares_the_key_with_the_scope_id_and_nothing_else()
    {
        var id = 7;
        Expression<Func<int>> scopeId = () => id;

        var reach = Declaration.Reach(ScopeKind.Department, scopeId.Body, InDistrict)!;

        var equal = Assert.IsAssignableFrom<BinaryExpression>(reach.Body);
        Assert.Equal(ExpressionType.Equal, equal.NodeType);
        Assert.Equal(nameof(Problem.DepartmentId), Assert.IsAssignableFrom<MemberExpression>(equal.Left).Member.Name);
        Assert.Equal([true, false, false, true], Problems.Select(reach.Compile()));
        Assert.Null(Declaration.Reach(ScopeKind.Everything, scopeId.Body, InDistrict));
        Assert.Equal([false, false, false, false], Problems.Select(Declaration.Reach(ScopeKind.MemberCard, scopeId.Body, InDistrict)!.Compile()));
    }

    [Fact]
    public void A_sub_district_key_compares_ints_as_ints_so_that_the_database_can_seek_its_index()
    {
        var id = 1;
        Expression<Func<int>> scopeId = () => id;

        var reach = Declaration.Reach(ScopeKind.SubDistrict, scopeId.Body, InDistrict)!;

        var equal = Assert.IsAssignableFrom<BinaryExpression>(reach.Body);
        Assert.Equal(typeof(int), Assert.IsAssignableFrom<MemberExpression>(equal.Left).Type);
        Assert.Same(scopeId.Body, equal.Right);
    }

    [Theory]
    [InlineData(ScopeKind.Everything)]
    [InlineData(ScopeKind.Nobody)]
    [InlineData(ScopeKind.District)]
    public void The_system_nobody_and_the_district_are_never_declared(ScopeKind kind)
    {
        Assert.Throws<ArgumentException>(() => new ScopeDeclaration<Problem>().Read(kind, p => p.SubDistrictId));
    }
}
