using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorstep.BenchRunner;

/// <summary>What one run of bench/run.sh measured, written as JSON under bench/results/ and rendered into docs/benchmarks.md.</summary>
internal sealed record RunInfo(
    string Commit, DateTime StartedAtUtc, double DurationSeconds, int Members, IReadOnlyList<string> Databases, Machine Machine, bool ReusedData = false);

internal sealed record Machine(string Cpu, int Cores, long MemoryMb, string Os, string DotNet);

/// <summary>Everything measured on one database, in the order the runner measures it.</summary>
internal sealed record DatabaseResult
{
    public required string Database { get; init; }
    public required int Members { get; init; }
    public ProcessMeasure? Generation { get; set; }
    public BenchmarkReport? Benchmarks { get; set; }
    public List<LoadResult> Load { get; init; } = [];
    public ServerMemory? ServerMemory { get; set; }
    public List<PageWeight> Pages { get; init; } = [];
    public ImportResult? Import { get; set; }
    public ExportResult? Export { get; set; }

    /// <summary>What went wrong or was skipped, said in the report rather than hidden.</summary>
    public List<string> Problems { get; init; } = [];
}

/// <summary>A child process's wall time and peak resident memory (VmHWM).</summary>
internal sealed record ProcessMeasure(double Seconds, long PeakRssBytes);

/// <summary>The in-process BenchmarkDotNet suite's results.json (bench/Doorstep.Benchmarks).</summary>
internal sealed record BenchmarkReport(string Provider, int Members, IReadOnlyList<BenchmarkFigure> Benchmarks);

internal sealed record BenchmarkFigure(string Id, string Title, double MeanMs, double MedianMs, double P95Ms, long AllocatedBytes, int? Rows);

/// <summary>
/// One wrk run against one scenario at one number of connections: each sending its next request as
/// soon as it is answered, or, with a mean wait, phones that wait a random time before each.
/// </summary>
internal sealed record LoadResult(
    string Scenario, string Title, int Connections, double Seconds, long Requests, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, long SocketErrors, long StatusErrors, long Timeouts, long PeakRssBytes,
    int? MeanWaitMs = null)
{
    public long Errors => SocketErrors + StatusErrors;
}

internal sealed record ServerMemory(long RssAfterStartBytes, long RssAfterWarmUpBytes, long PeakRssUnderLoadBytes);

/// <summary>A page as a first visit fetches it with Accept-Encoding: gzip: the HTML and every stylesheet and script it loads.</summary>
internal sealed record PageWeight(string Title, string Path, long HtmlRawBytes, long HtmlWireBytes, bool HtmlCompressed, IReadOnlyList<AssetWeight> Assets)
{
    public long TotalRawBytes => HtmlRawBytes + Assets.Sum(a => a.RawBytes);
    public long TotalWireBytes => HtmlWireBytes + Assets.Sum(a => a.WireBytes);
}

internal sealed record AssetWeight(string Path, long RawBytes, long WireBytes, string? ContentEncoding);

/// <summary>A server-side step timed over HTTP, with the server's resident memory just before and its peak during it.</summary>
internal sealed record ServerStep(double Seconds, long RssBeforeBytes, long PeakRssBytes)
{
    public long IncreaseBytes => Math.Max(0, PeakRssBytes - RssBeforeBytes);
}

/// <summary>An import over HTTP; <paramref name="NewFiles"/> is how many files its commit created (null in results from before it was read).</summary>
internal sealed record ImportResult(int Rows, string Outcome, ServerStep Check, ServerStep? Commit, int? NewFiles = null)
{
    /// <summary>The budget's import creates files; a roster imported before only updates the ones it made.</summary>
    public bool WroteNewFiles => NewFiles is null || NewFiles >= Rows / 2;

    public double TotalSeconds => Check.Seconds + (Commit?.Seconds ?? 0);
    public long PeakRssBytes => Math.Max(Check.PeakRssBytes, Commit?.PeakRssBytes ?? 0);

    public long IncreaseBytes => Math.Max(Check.IncreaseBytes, Commit?.IncreaseBytes ?? 0);
}

internal sealed record ExportResult(string Filter, int Rows, long FileBytes, ServerStep Step);

internal static class ResultFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public const string RunFile = "run.json";

    public static string DatabaseFile(string database) => $"{database}.json";

    public static async Task WriteAsync<T>(string directory, string file, T value)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, file), JsonSerializer.Serialize(value, Json));
    }

    public static T? Read<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
}
