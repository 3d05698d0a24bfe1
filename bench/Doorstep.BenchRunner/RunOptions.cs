using System.Globalization;

namespace Doorstep.BenchRunner;

/// <summary>The runner's command line: run [--members N] [--databases "sqlite postgres"] [--postgres CONN] ...; render [...].</summary>
internal sealed record RunOptions
{
    public int Members { get; init; } = 1_000_000;
    public IReadOnlyList<string> Databases { get; init; } = ["sqlite", "postgres"];
    public string? Postgres { get; init; }
    public string PostgresDatabase { get; init; } = "doorstep_bench";
    public int Port { get; init; } = 5100;
    public int LoadSeconds { get; init; } = 12;

    /// <summary>
    /// Load on each scenario at 32 connections before anything is measured: the JIT recompiles a
    /// scenario's hot code (tiered, profile-guided) over about 30 s of its load, which a 3 s warm-up
    /// left inside the figures (bench/notes.md).
    /// </summary>
    public int WarmUpSeconds { get; init; } = 20;
    public int RosterRows { get; init; } = 100_000;
    public int ExportRows { get; init; } = 100_000;
    public required string Repository { get; init; }
    public string Results => Path.Combine(Repository, "bench", "results");
    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "doorstep-bench");

    /// <summary>Measure the data set an earlier run generated in <see cref="Work"/> instead of generating one.</summary>
    public bool ReuseData { get; init; }

    /// <summary>Only generate the data sets (for a later --reuse-data run); measure and report nothing.</summary>
    public bool GenerateOnly { get; init; }

    public string AppProject => Path.Combine(Repository, "src", "Doorstep");
    public string AppDll => Path.Combine(Repository, "src", "Doorstep", "bin", "Release", "net10.0", "Doorstep.dll");
    public string BenchmarksDll => Path.Combine(Repository, "bench", "Doorstep.Benchmarks", "bin", "Release", "net10.0", "Doorstep.Benchmarks.dll");

    public static RunOptions Parse(IReadOnlyList<string> args, string repository)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Option(name) is { } text
            ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : fallback;

        var options = new RunOptions { Repository = repository };
        var databases = Option("--databases")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["sqlite", "postgres"];
        var unknown = databases.Where(d => d is not ("sqlite" or "postgres")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown database {string.Join(", ", unknown)}: use sqlite and/or postgres");
        }

        return options with
        {
            Members = Number("--members", options.Members),
            Databases = databases,
            Postgres = Option("--postgres"),
            PostgresDatabase = Option("--postgres-database") ?? options.PostgresDatabase,
            Port = Number("--port", options.Port),
            LoadSeconds = Number("--load-seconds", options.LoadSeconds),
            WarmUpSeconds = Number("--warm-up-seconds", options.WarmUpSeconds),
            RosterRows = Number("--roster-rows", options.RosterRows),
            ExportRows = Number("--export-rows", options.ExportRows),
            Work = Option("--work") ?? options.Work,
            ReuseData = args.Contains("--reuse-data"),
            GenerateOnly = args.Contains("--generate-only"),
        };
    }
}
