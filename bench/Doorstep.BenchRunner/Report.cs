using System.Text;

namespace Doorstep.BenchRunner;

/// <summary>docs/benchmarks.md, rendered from bench/results/ and the hand-written bench/notes.md.</summary>
internal static class Report
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal) { ["sqlite"] = "SQLite", ["postgres"] = "PostgreSQL" };

    public static string Render(RunInfo run, IReadOnlyList<DatabaseResult> databases, string? notes)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("<!-- Written by bench/run.sh (bench/Doorstep.BenchRunner); do not edit by hand: the analysis lives in bench/notes.md. -->");
        md.AppendLine();
        md.AppendLine($"Measured by `bench/run.sh --members {run.Members}` on {run.StartedAtUtc:yyyy-MM-dd HH:mm} UTC, commit `{run.Commit}`; the whole run took {Format.Seconds(run.DurationSeconds)}.");
        md.AppendLine();
        Table(md, ["", ""],
        [
            ["Machine", $"{run.Machine.Cpu}, {run.Machine.Cores} cores, {Format.Number(run.Machine.MemoryMb)} MB RAM"],
            ["OS", run.Machine.Os],
            [".NET", run.Machine.DotNet],
            ["Data", $"{Format.Number(run.Members)} members (`Doorstep.Benchmarks generate --members {run.Members} --seed 7`), " + (run.ReusedData
                ? "per database the data set an earlier `--generate-only` run made, measured with `--reuse-data` (it holds what earlier measurements on it wrote)"
                : "a fresh data set per database")],
        ]);

        md.AppendLine("## Budgets (issues 4 and 10–14)");
        md.AppendLine();
        Table(md, ["Budget", "Limit", .. databases.Select(d => Name(d.Database))],
            Budget.All.Select(b => (IReadOnlyList<string>)[b.Title, b.Limit, .. databases.Select(d => Cell(b.Judge(d)))]).ToList());

        Generation(md, databases);
        InProcess(md, databases);
        Load(md, databases);
        Memory(md, databases);
        Pages(md, databases);
        ImportAndExport(md, databases);

        var problems = databases.SelectMany(d => d.Problems.Select(p => $"- {Name(d.Database)}: {p}")).ToList();
        if (problems.Count > 0)
        {
            md.AppendLine("## What this run could not measure");
            md.AppendLine();
            problems.ForEach(p => md.AppendLine(p));
            md.AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(notes))
        {
            md.AppendLine("## What the figures mean, misses and plans");
            md.AppendLine();
            md.AppendLine("<!-- From bench/notes.md -->");
            md.AppendLine();
            md.AppendLine(notes.Trim());
            md.AppendLine();
        }

        return md.ToString();
    }

    internal static string Cell(Verdict? verdict) => verdict is null ? "not measured" : verdict.Met switch
    {
        true => $"{verdict.Figure}: **met**",
        false => $"{verdict.Figure}: **missed**",
        null => $"{verdict.Figure} (no budget)",
    };

    private static string Name(string database) => Names.GetValueOrDefault(database, database);

    private static void Generation(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        md.AppendLine("## Generating the data set");
        md.AppendLine();
        Table(md, ["Database", "Wall time", "Peak memory (VmHWM)"],
            databases.Select(d => (IReadOnlyList<string>)[Name(d.Database), d.Generation is { } g ? Format.Seconds(g.Seconds) : "—", d.Generation is { } h ? Format.Mb(h.PeakRssBytes) : "—"]).ToList());
    }

    private static void InProcess(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        var withSuite = databases.Where(d => d.Benchmarks is not null).ToList();
        if (withSuite.Count == 0)
        {
            return;
        }

        md.AppendLine("## In process (BenchmarkDotNet)");
        md.AppendLine();
        md.AppendLine("Server time of the query or work alone, no HTTP. Allocated is per operation.");
        md.AppendLine();
        var ids = withSuite.SelectMany(d => d.Benchmarks!.Benchmarks).Select(b => (b.Id, b.Title)).DistinctBy(b => b.Id).ToList();
        List<string> headers = ["Benchmark", "What"];
        foreach (var d in withSuite)
        {
            headers.AddRange([$"{Name(d.Database)} p95", "mean", "allocated", "rows"]);
        }

        Table(md, headers, ids.Select(id =>
        {
            List<string> row = [$"`{id.Id}`", id.Title];
            foreach (var d in withSuite)
            {
                var b = d.Benchmarks!.Benchmarks.FirstOrDefault(x => x.Id == id.Id);
                row.AddRange(b is null ? ["—", "—", "—", "—"] : [Format.Ms(b.P95Ms), Format.Ms(b.MeanMs), Format.Kb(b.AllocatedBytes), b.Rows is { } r ? Format.Number(r) : ""]);
            }

            return (IReadOnlyList<string>)row;
        }).ToList());
    }

    private static void Load(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        md.AppendLine("## Over HTTP (wrk on the same machine)");
        md.AppendLine();
        md.AppendLine("wrk and the app share the cores. Each line is one fixed-time run; \"of ceiling\" compares with the trivial endpoint at the same connections. "
            + "A connection sends its next request as soon as it is answered, except on \"phones\" lines, where each waits a random time first (bench/wrk/paced.lua). "
            + "Errors are socket errors plus answers other than 2xx/3xx.");
        md.AppendLine();
        foreach (var d in databases.Where(d => d.Load.Count > 0))
        {
            md.AppendLine($"### {Name(d.Database)}");
            md.AppendLine();
            Table(md, ["Scenario", "Conn.", "req/s", "of ceiling", "p50", "p95", "p99", "errors", "server RSS"], d.Load.Select(l =>
            {
                var ceiling = d.Load.FirstOrDefault(c => c.Scenario == "ceiling" && c.Connections == l.Connections && l.MeanWaitMs is null);
                var share = ceiling is { RequestsPerSecond: > 0 } ? Format.Percent(l.RequestsPerSecond / ceiling.RequestsPerSecond) : "—";
                var connections = l.MeanWaitMs is { } wait ? $"{Format.Number(l.Connections)} phones, {Format.Ms(wait)} apart on average" : Format.Number(l.Connections);
                return (IReadOnlyList<string>)[l.Title, connections, Format.Rps(l.RequestsPerSecond), share, Format.Ms(l.P50Ms), Format.Ms(l.P95Ms), Format.Ms(l.P99Ms), Format.Number(l.Errors), Format.Mb(l.PeakRssBytes)];
            }).ToList());
        }
    }

    private static void Memory(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        md.AppendLine("## Server memory");
        md.AppendLine();
        Table(md, ["Database", "RSS after start", "after warm-up", "peak under load"], databases.Where(d => d.ServerMemory is not null).Select(d =>
            (IReadOnlyList<string>)[Name(d.Database), Format.Mb(d.ServerMemory!.RssAfterStartBytes), Format.Mb(d.ServerMemory.RssAfterWarmUpBytes), Format.Mb(d.ServerMemory.PeakRssUnderLoadBytes)]).ToList());
    }

    private static void Pages(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        var first = databases.FirstOrDefault(d => d.Pages.Count > 0);
        if (first is null)
        {
            return;
        }

        md.AppendLine("## Page weight over the wire");
        md.AppendLine();
        md.AppendLine("A first visit (nothing cached) with `Accept-Encoding: gzip`: the HTML and every stylesheet and script it loads; response bodies, headers not counted. "
            + $"The breakdown is {Name(first.Database)}'s; the last columns give each database's total.");
        md.AppendLine();
        var assets = first.Pages.SelectMany(p => p.Assets).DistinctBy(a => a.Path).ToList();
        if (assets.Count > 0)
        {
            md.AppendLine("Assets: " + string.Join("; ", assets.Select(a => $"`{a.Path}` {Format.Kb(a.RawBytes)} → {Format.Kb(a.WireBytes)} ({a.ContentEncoding ?? "uncompressed"})")) + ".");
            md.AppendLine();
        }

        Table(md, ["Page", "Path", "HTML", "HTML over the wire", "CSS + JS over the wire", .. databases.Where(d => d.Pages.Count > 0).Select(d => $"total, {Name(d.Database)}")],
            first.Pages.Select((p, i) => (IReadOnlyList<string>)
            [
                p.Title, $"`{Uri.UnescapeDataString(p.Path)}`", Format.Kb(p.HtmlRawBytes), Format.Kb(p.HtmlWireBytes) + (p.HtmlCompressed ? " (gzip)" : ""), Format.Kb(p.Assets.Sum(a => a.WireBytes)),
                .. databases.Where(d => d.Pages.Count > 0).Select(d => i < d.Pages.Count ? Format.Kb(d.Pages[i].TotalWireBytes) : "—"),
            ]).ToList());
    }

    private static void ImportAndExport(StringBuilder md, IReadOnlyList<DatabaseResult> databases)
    {
        md.AppendLine("## Import and export over HTTP");
        md.AppendLine();
        md.AppendLine("As the admin does them in the browser; the server's RSS just before each step and its peak (VmHWM, reset before the step) during it.");
        md.AppendLine();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var d in databases)
        {
            if (d.Import is { } import)
            {
                rows.Add([Name(d.Database), $"import check ({Format.Number(import.Rows)} rows)", Format.Seconds(import.Check.Seconds), Format.Mb(import.Check.RssBeforeBytes), Format.Mb(import.Check.PeakRssBytes), "+" + Format.Mb(import.Check.IncreaseBytes), import.Commit is null ? import.Outcome : ""]);
                if (import.Commit is { } commit)
                {
                    rows.Add([Name(d.Database), "import commit", Format.Seconds(commit.Seconds), Format.Mb(commit.RssBeforeBytes), Format.Mb(commit.PeakRssBytes), "+" + Format.Mb(commit.IncreaseBytes), import.Outcome]);
                }
            }

            if (d.Export is { } export)
            {
                rows.Add([Name(d.Database), $"export, {export.Filter} ({Format.Number(export.Rows)} rows, {Format.Kb(export.FileBytes)})", Format.Seconds(export.Step.Seconds), Format.Mb(export.Step.RssBeforeBytes), Format.Mb(export.Step.PeakRssBytes), "+" + Format.Mb(export.Step.IncreaseBytes), ""]);
            }
        }

        Table(md, ["Database", "Step", "Time", "RSS before", "Peak RSS", "Increase", "Outcome"], rows);
    }

    internal static void Table(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
        md.AppendLine("| " + string.Join(" | ", headers.Select(Escape)) + " |");
        md.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
        foreach (var row in rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }

        md.AppendLine();
    }
}
