using System.IO.Enumeration;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Doorstep.Benchmarks;

/// <summary>One benchmark of the suite: its class, its method and the id the report knows it by.</summary>
public sealed record SuiteBenchmark(Type Class, MethodInfo Method, ReportAttribute Report);

/// <summary>The suite's benchmark classes, selected by id, and a way to run each once without BenchmarkDotNet.</summary>
public static class Suite
{
    public static readonly IReadOnlyList<Type> Classes =
        [typeof(SearchBenchmarks), typeof(ListBenchmarks), typeof(MemberFileBenchmarks), typeof(LivesElsewhereBenchmarks), typeof(ImportBenchmarks), typeof(ListeningBenchmarks),
         typeof(VisitsBenchmarks), typeof(VisitStartBenchmarks), typeof(ActivitiesBenchmarks), typeof(InspectionsBenchmarks), typeof(PageBenchmarks)];

    /// <summary>The benchmarks whose ids match the glob (* and ?), in the suite's order; all of them without one.</summary>
    public static IReadOnlyList<SuiteBenchmark> Select(string? glob) =>
        Classes.SelectMany(c => c.GetMethods()
                .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                .Select(m => new SuiteBenchmark(c, m, m.GetCustomAttribute<ReportAttribute>()
                    ?? throw new InvalidOperationException($"{c.Name}.{m.Name} has no [Report] id."))))
            .Where(b => glob is null || FileSystemName.MatchesSimpleExpression(glob, b.Report.Id))
            .ToList();

    /// <summary>
    /// Runs each benchmark once against BenchTarget.Current, as BenchmarkDotNet would (global setup,
    /// iteration setup, the call, iteration cleanup, global cleanup), and returns the rows each call returned, by id. The run command
    /// reports these rows; the tests use it to keep every benchmark working as features change.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> RunOnceAsync(IReadOnlyList<SuiteBenchmark> benchmarks)
    {
        var rows = new Dictionary<string, int>();
        foreach (var group in benchmarks.GroupBy(b => b.Class))
        {
            var instance = Activator.CreateInstance(group.Key)!;
            await InvokeMarkedAsync<GlobalSetupAttribute>(instance);
            try
            {
                foreach (var benchmark in group)
                {
                    // A one-shot benchmark prepares each run in an iteration setup (a fresh campaign to start).
                    await InvokeMarkedAsync<IterationSetupAttribute>(instance);
                    try
                    {
                        rows[benchmark.Report.Id] = await (Task<int>)benchmark.Method.Invoke(instance, null)!;
                    }
                    finally
                    {
                        await InvokeMarkedAsync<IterationCleanupAttribute>(instance);
                    }
                }
            }
            finally
            {
                await InvokeMarkedAsync<GlobalCleanupAttribute>(instance);
            }
        }

        return rows;
    }

    private static async Task InvokeMarkedAsync<TAttribute>(object instance) where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            if (method.Invoke(instance, null) is Task task)
            {
                await task;
            }
        }
    }
}
