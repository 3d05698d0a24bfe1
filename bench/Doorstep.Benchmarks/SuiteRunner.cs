using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Doorstep.Benchmarks;

/// <summary>
/// The `run` command: each benchmark once (for its rows, and to fail fast on a broken one), then
/// BenchmarkDotNet in this process, then results.json beside BenchmarkDotNet's own exports.
/// </summary>
public static class SuiteRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<int> RunAsync(BenchTarget target, string outPath, string? glob)
    {
        var selected = Suite.Select(glob);
        if (selected.Count == 0)
        {
            throw new UsageException($"No benchmark id matches '{glob}'.");
        }

        BenchTarget.Current = target;
        var members = await target.MemberCountAsync();
        Console.WriteLine($"{target.Provider}, {members:N0} members: {selected.Count} benchmarks; a first call of each…");
        var rows = await Suite.RunOnceAsync(selected);

        var ids = selected.Select(b => b.Report.Id).ToHashSet();
        var summaries = BenchmarkRunner.Run([.. selected.Select(b => b.Class).Distinct()], Config(ids));
        var reports = summaries.SelectMany(s => s.Reports).ToList();
        var results = selected.Select(b => Result(b, reports, summaries, rows)).ToList();

        await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(new SuiteResults(target.Provider.ToString(), members, results), Json));
        Console.WriteLine($"Wrote {outPath}");
        var missing = results.Where(r => r.MeanMs is null).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"No measurement for: {string.Join(", ", missing)} (see BenchmarkDotNet's log above).");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// In process (no generated projects; the target is a static of this process). Three warm-up and
    /// fifteen measured iterations of at most about a quarter second each keep one database's whole
    /// run within about five minutes on two cores; the import and the 人户分离 counts set fewer on their classes.
    /// </summary>
    private static ManualConfig Config(HashSet<string> ids)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .AddFilter(new SimpleFilter(b => IdOf(b.Descriptor.WorkloadMethod) is { } id && ids.Contains(id)))
            .WithOption(ConfigOptions.JoinSummary, false);
        return config;
    }

    private static string? IdOf(MethodInfo method) => method.GetCustomAttribute<ReportAttribute>()?.Id;

    private static BenchmarkResult Result(SuiteBenchmark benchmark, List<BenchmarkReport> reports, Summary[] summaries, IReadOnlyDictionary<string, int> rows)
    {
        var report = reports.FirstOrDefault(r => IdOf(r.BenchmarkCase.Descriptor.WorkloadMethod) == benchmark.Report.Id);
        var statistics = report?.ResultStatistics;
        static double Ms(double nanoseconds) => Math.Round(nanoseconds / 1e6, 4);
        return new BenchmarkResult(
            benchmark.Report.Id,
            benchmark.Report.Title,
            statistics is null ? null : Ms(statistics.Mean),
            statistics is null ? null : Ms(statistics.Median),
            statistics is null ? null : Ms(statistics.Percentiles.P95),
            report?.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase),
            rows.GetValueOrDefault(benchmark.Report.Id));
    }
}

/// <summary>results.json: what the report reads, one line per benchmark id.</summary>
public sealed record SuiteResults(string Provider, int Members, IReadOnlyList<BenchmarkResult> Benchmarks);

public sealed record BenchmarkResult(string Id, string Title, double? MeanMs, double? MedianMs, double? P95Ms, long? AllocatedBytes, int Rows);
