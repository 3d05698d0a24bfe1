namespace Doorstep.BenchRunner;

/// <summary>The BenchmarkDotNet suite (bench/Doorstep.Benchmarks), run as its own process against the fresh data set.</summary>
internal static class InProcessSuite
{
    private static List<string> Connection(DataSet data, string key) =>
        ["--provider", data.Provider, "--connection", data.ConnectionString, "--personal-data-key", key];

    /// <summary>A roster of fictional new members for the admin's sub-district, for the suite's import check and the HTTP import.</summary>
    public static async Task<string?> MakeRosterAsync(RunOptions options, DataSet data, string key, string work, DatabaseResult result)
    {
        if (!File.Exists(options.BenchmarksDll))
        {
            result.Problems.Add($"the benchmark suite is not built ({Path.GetRelativePath(options.Repository, options.BenchmarksDll)}): no roster, so no import");
            return null;
        }

        var roster = Path.Combine(work, $"roster-{data.Name}.xlsx");
        var outcome = await ChildProcess.RunAsync("dotnet",
            [options.BenchmarksDll, "make-roster", .. Connection(data, key), "--rows", options.RosterRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", roster],
            new Dictionary<string, string>());
        if (outcome.ExitCode != 0 || !File.Exists(roster))
        {
            result.Problems.Add($"make-roster failed ({outcome.ExitCode}): no import");
            return null;
        }

        return roster;
    }

    public static async Task RunAsync(RunOptions options, DataSet data, string key, string? roster, string work, DatabaseResult result)
    {
        if (!File.Exists(options.BenchmarksDll))
        {
            result.Problems.Add("the in-process benchmarks were not run: the suite is not built");
            return;
        }

        var output = Path.Combine(work, $"benchmarks-{data.Name}.json");
        List<string> arguments = [options.BenchmarksDll, "run", .. Connection(data, key), "--out", output];
        if (roster is not null)
        {
            arguments.AddRange(["--roster", roster]);
        }

        var outcome = await ChildProcess.RunAsync("dotnet", arguments, new Dictionary<string, string>());
        result.Benchmarks = ResultFiles.Read<BenchmarkReport>(output);
        if (outcome.ExitCode != 0 || result.Benchmarks is null)
        {
            result.Problems.Add($"the in-process benchmarks failed ({outcome.ExitCode})");
        }
    }
}
