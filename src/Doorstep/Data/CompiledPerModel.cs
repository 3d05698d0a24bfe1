using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Doorstep.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>, ADR 0038) for each EF model it runs against. EF binds
/// a compiled query to the first model it is executed with and refuses every other; an app has one
/// model per database, but a process can hold several: the test suite's hosts in their environments,
/// the benchmarks beside the app they measure.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
