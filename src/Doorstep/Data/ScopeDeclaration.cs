using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Doorstep.Infrastructure;

namespace Doorstep.Data;

/// <summary>What a kind of scope may do with the records it reaches.</summary>
public enum ScopeAccess { Read, ReadWrite }

/// <summary>
/// How the scopes reach one entity, as a list of places: "for an area cadre, a record is theirs when its
/// OrgUnitAreaId is their area". From it come both the query filter (an expression EF translates,
/// with the scope's id as a parameter) and the write guard (the same rules, compiled, run on the
/// record as it will be saved). A key on the sub-district also lets a district user read the record.
/// </summary>
public abstract class ScopeDeclaration
{
    private static readonly ConcurrentDictionary<Type, ScopeDeclaration?> Declared = new();

    private static readonly MethodInfo DeclarationOf =
        typeof(ScopeDeclaration).GetMethod(nameof(DeclarationOfScoped), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The entity's declaration, or null when it declares none.</summary>
    public static ScopeDeclaration? Of(Type entityType) => Declared.GetOrAdd(entityType, static type =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IScoped<>) && i.GenericTypeArguments[0] == type)
            ? (ScopeDeclaration)DeclarationOf.MakeGenericMethod(type).Invoke(null, null)!
            : null);

    private static ScopeDeclaration<T> DeclarationOfScoped<T>() where T : class, IScoped<T> => T.Scope;

    /// <summary>Rows everyone's work appends (the audit): any scope may add one, no scope may change one.</summary>
    public bool AppendedByEveryone { get; protected set; }

    /// <summary>
    /// The query filter: the system sees every record; any other user the records one of their kind's
    /// places reaches. All three are read when the query runs: <paramref name="everything"/> whether the
    /// user is the system; <paramref name="idOf"/> a kind's id (an int?), null unless the user's scope is
    /// of that kind; <paramref name="inDistrict"/> whether a sub-district lies in the district user's
    /// district (false for every other user). A null id makes its kind's terms false, and EF writes its
    /// SQL for each pattern of null parameters without them (ADR 0031).
    /// </summary>
    public abstract LambdaExpression Filter(Expression everything, Func<ScopeKind, Expression> idOf, Expression<Func<int, bool>> inDistrict);

    /// <summary>May <paramref name="scope"/> save <paramref name="entity"/> as it now stands?</summary>
    public abstract bool MayWrite(object entity, DataScope scope);
}

public sealed class ScopeDeclaration<T> : ScopeDeclaration where T : class
{
    /// <summary>One way a kind of scope reaches a record: Rule(record, the scope's id).</summary>
    private sealed record Place(ScopeKind Kind, Expression<Func<T, int, bool>> Rule, Expression<Func<T, int?>>? Key, bool Writes)
    {
        private Func<T, int, bool>? _compiled;

        public bool Holds(T entity, int id) => (_compiled ??= Rule.Compile())(entity, id);
    }

    private readonly List<Place> _places = [];
    private Expression<Func<T, bool>>? _visible;

    /// <summary>A record is reached by users of <paramref name="kind"/> whose id equals <paramref name="key"/>.</summary>
    public ScopeDeclaration<T> ReadWrite(ScopeKind kind, Expression<Func<T, int?>> key) => Add(kind, key, ScopeAccess.ReadWrite);

    /// <summary>Like <see cref="ReadWrite(ScopeKind, Expression{Func{T, int?}})"/>, but that kind of user only reads.</summary>
    public ScopeDeclaration<T> Read(ScopeKind kind, Expression<Func<T, int?>> key) => Add(kind, key, ScopeAccess.Read);

    /// <summary>For the unusual cases: the entity's own rule, given the record and the scope's id.</summary>
    public ScopeDeclaration<T> ReadWrite(ScopeKind kind, Expression<Func<T, int, bool>> rule) => Add(kind, rule, key: null, ScopeAccess.ReadWrite);

    public ScopeDeclaration<T> Read(ScopeKind kind, Expression<Func<T, int, bool>> rule) => Add(kind, rule, key: null, ScopeAccess.Read);

    /// <summary>Every user of <paramref name="kind"/> reads every record (the audit, for sub-district admins).</summary>
    public ScopeDeclaration<T> ReadAll(ScopeKind kind) => Add(kind, (_, _) => true, key: null, ScopeAccess.Read);

    /// <summary>
    /// Records hidden from every scope, the system's too, until <paramref name="condition"/> holds: the
    /// files an import is still writing (ADR 0013). Work on such records asks with IgnoreQueryFilters.
    /// </summary>
    public ScopeDeclaration<T> VisibleWhen(Expression<Func<T, bool>> condition)
    {
        _visible = condition;
        return this;
    }

    /// <summary>Every scope may add a row, and no scope may change or delete one (the system aside).</summary>
    public ScopeDeclaration<T> AppendedByAll()
    {
        AppendedByEveryone = true;
        return this;
    }

    private ScopeDeclaration<T> Add(ScopeKind kind, Expression<Func<T, int?>> key, ScopeAccess access)
    {
        var id = Expression.Parameter(typeof(int), "id");
        var rule = Expression.Lambda<Func<T, int, bool>>(Equal(key.Body, id), key.Parameters[0], id);
        return Add(kind, rule, key, access);
    }

    private ScopeDeclaration<T> Add(ScopeKind kind, Expression<Func<T, int, bool>> rule, Expression<Func<T, int?>>? key, ScopeAccess access)
    {
        if (kind is ScopeKind.Nobody or ScopeKind.Everything or ScopeKind.District)
        {
            throw new ArgumentException($"{kind} is not declared: nobody reaches nothing, the system everything, and a district every record its sub-district key places in the district.", nameof(kind));
        }

        _places.Add(new Place(kind, rule, key, access == ScopeAccess.ReadWrite));
        return this;
    }

    /// <summary>The kinds of scope that reach this entity (a district through the sub-district key).</summary>
    public IEnumerable<ScopeKind> Kinds =>
        _places.Select(p => p.Kind).Concat(SubDistrictKeys.Any() ? [ScopeKind.District] : []).Distinct();

    private IEnumerable<Expression<Func<T, int?>>> SubDistrictKeys =>
        _places.Where(p => p.Kind == ScopeKind.SubDistrict && p.Key is not null).Select(p => p.Key!);

    public override Expression<Func<T, bool>> Filter(Expression everything, Func<ScopeKind, Expression> idOf, Expression<Func<int, bool>> inDistrict)
    {
        var record = Expression.Parameter(typeof(T), "record");
        var body = everything;
        foreach (var reached in Kinds)
        {
            body = Expression.OrElse(body, Reach(reached, record, idOf(reached), inDistrict));
        }

        return Expression.Lambda<Func<T, bool>>(Visible(record, body), record);
    }

    /// <summary>
    /// The plain predicate of one kind of scope, with no test of the kind: ANDed to a query beside the
    /// filter it gives the database a predicate it can seek an index with (DoorstepDb.InScope).
    /// Null for the system, which sees everything.
    /// </summary>
    public Expression<Func<T, bool>>? Reach(ScopeKind kind, Expression id, Expression<Func<int, bool>>? inDistrict)
    {
        if (kind == ScopeKind.Everything)
        {
            return null;
        }

        var record = Expression.Parameter(typeof(T), "record");
        return Expression.Lambda<Func<T, bool>>(Visible(record, Reach(kind, record, id, inDistrict)), record);
    }

    private Expression Visible(ParameterExpression record, Expression reach) =>
        _visible is null ? reach : Expression.AndAlso(Bind(_visible, record), reach);

    private Expression Reach(ScopeKind kind, ParameterExpression record, Expression id, Expression<Func<int, bool>>? inDistrict)
    {
        var rules = kind == ScopeKind.District
            ? SubDistrictKeys.Select(key => InDistrict(Bind(key, record), inDistrict ?? throw new ArgumentNullException(nameof(inDistrict), "A district's reach needs its sub-districts.")))
            : _places.Where(p => p.Kind == kind).Select(p => id.Type == typeof(int) ? Bind(p.Rule, record, id) : Lift(p.Rule, record, id));
        return rules.DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);
    }

    /// <summary>
    /// A rule with an id that may be null, false when it is: each comparison with the id becomes one of
    /// int? with int?, and a rule that reads no id (every record of the kind) asks that there be one.
    /// A non-nullable key compared with a null id is false by itself; a nullable key is also asked to
    /// have a value, since in C# (and so in EF's SQL) null == null.
    /// </summary>
    private static Expression Lift(Expression<Func<T, int, bool>> rule, ParameterExpression record, Expression id)
    {
        var lifting = new IdLifting(rule.Parameters[1], id);
        var body = lifting.Visit(Bind(rule, record, rule.Parameters[1]));
        return lifting.Lifted ? body : Expression.AndAlso(Expression.NotEqual(id, Expression.Constant(null, typeof(int?))), body);
    }

    public override bool MayWrite(object entity, DataScope scope) =>
        scope.Kind == ScopeKind.Everything
        || !scope.IsReadOnly && _places.Any(p => p.Kind == scope.Kind && p.Writes && p.Holds((T)entity, scope.Id));

    /// <summary>key == id, comparing ints as ints so that the database sees a plain column = parameter.</summary>
    private static BinaryExpression Equal(Expression key, Expression id)
    {
        var plain = key is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && operand.Type == typeof(int) ? operand : key;
        return Expression.Equal(plain, plain.Type == typeof(int) ? id : Expression.Convert(id, plain.Type));
    }

    private static Expression InDistrict(Expression key, Expression<Func<int, bool>> inDistrict)
    {
        var plain = key is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && operand.Type == typeof(int) ? operand : key;
        return plain.Type == typeof(int)
            ? Bind(inDistrict, plain)
            : Expression.AndAlso(Expression.Property(plain, "HasValue"), Bind(inDistrict, Expression.Property(plain, "Value")));
    }

    private static Expression Bind(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => (Expression)p.First, p => p.Second)).Visit(lambda.Body)!;

    /// <summary>Puts an int? in place of a rule's int id, in the comparisons with it that rules are made of.</summary>
    private sealed class IdLifting(ParameterExpression id, Expression nullableId) : ExpressionVisitor
    {
        public bool Lifted { get; private set; }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.Equal && (IsId(node.Right) || IsId(node.Left)))
            {
                Lifted = true;
                var key = Visit(IsId(node.Right) ? node.Left : node.Right);
                if (key.Type == typeof(int))
                {
                    return Expression.Equal(Expression.Convert(key, typeof(int?)), nullableId);
                }

                return Expression.AndAlso(Expression.Equal(key, nullableId), Expression.NotEqual(key, Expression.Constant(null, key.Type)));
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == id ? throw new NotSupportedException("A scope rule may only compare its id with a key (key == id).") : node;

        private bool IsId(Expression side) =>
            side == id || side is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand } && operand == id;
    }

    /// <summary>Puts the given expressions in place of a lambda's parameters, so that rules compose into one tree.</summary>
    private sealed class Substitution(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) =>
            node is not null && replacements.TryGetValue(node, out var replacement) ? replacement : base.Visit(node);
    }
}
