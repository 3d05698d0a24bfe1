namespace Doorstep.BenchRunner;

/// <summary>A budget of issue 4 judged on one database's figures: the figure as the report shows it, and whether it is met.</summary>
internal sealed record Verdict(string Figure, bool Met);

/// <summary>
/// The budgets of issue 4 (2 cores, 1,000,000 members), each able to judge a database's results. The
/// import and export budgets (300 and 150 MB) are what the step needs on top of the running app — an
/// app at rest already holds more than 150 MB — so they judge the peak over the RSS just before the step;
/// "server memory under load" is the whole process.
/// </summary>
internal sealed record Budget(string Title, string Limit, Func<DatabaseResult, Verdict?> Judge)
{
    public const double SearchP95Ms = 20, FileP95Ms = 20, SearchShareOfCeiling = 0.20;

    /// <summary>区委组织部 searches every member of the district (issue 10): more on PostgreSQL, whose reads cost more here.</summary>
    public const double DistrictSearchP95MsSqlite = 20, DistrictSearchP95MsPostgres = 50;
    public const double ImportSeconds = 30, ExportSeconds = 10;

    /// <summary>Issue 10: what one request for the cadre's list page allocates, the whole page (BDN page.list).</summary>
    public const long ListPageAllocatedBytes = 60L << 10;
    public const long ImportMemoryBytes = 300L << 20, ExportMemoryBytes = 150L << 20, PageWireBytes = 150L << 10, ServerUnderLoadBytes = 400L << 20;

    public static readonly IReadOnlyList<Budget> All =
    [
        // A user searches within their scope; the district's searches (search.*.district: all
        // 1,000,000) are reported beside the others, held to the district's budget by issue 10.
        new("Member search p95, server time (BDN search.*, within a user's scope)", $"≤ {SearchP95Ms} ms", r =>
            r.Benchmarks?.Benchmarks.Where(b => b.Id.StartsWith("search.", StringComparison.Ordinal) && !b.Id.EndsWith(".district", StringComparison.Ordinal)).MaxBy(b => b.P95Ms) is { } worst
                ? new($"{Format.Ms(worst.P95Ms)} (worst: {worst.Id})", worst.P95Ms <= SearchP95Ms)
                : null),
        new("District search p95, server time (BDN search.*.district, every member)", $"≤ {DistrictSearchP95MsSqlite} ms (SQLite), ≤ {DistrictSearchP95MsPostgres} ms (PostgreSQL)", r =>
            r.Benchmarks?.Benchmarks.Where(b => b.Id.StartsWith("search.", StringComparison.Ordinal) && b.Id.EndsWith(".district", StringComparison.Ordinal)).MaxBy(b => b.P95Ms) is { } worst
                ? new($"{Format.Ms(worst.P95Ms)} (worst: {worst.Id})", worst.P95Ms <= (r.Database == "postgres" ? DistrictSearchP95MsPostgres : DistrictSearchP95MsSqlite))
                : null),
        new("Member file p95 (BDN file.timeline)", $"≤ {FileP95Ms} ms", r =>
            r.Benchmarks?.Benchmarks.FirstOrDefault(b => b.Id == "file.timeline") is { } file
                ? new(Format.Ms(file.P95Ms), file.P95Ms <= FileP95Ms)
                : null),
        new("Allocations per list-page request (BDN page.list: the whole page, in process)", $"≤ {ListPageAllocatedBytes >> 10} KB", r =>
            r.Benchmarks?.Benchmarks.FirstOrDefault(b => b.Id == "page.list") is { } page
                ? new(Format.Kb(page.AllocatedBytes), page.AllocatedBytes <= ListPageAllocatedBytes)
                : null),
        new("Search page at 32 connections vs the ceiling", "≥ 20 % of the ceiling's req/s, 0 errors", r =>
            (r.Load.FirstOrDefault(l => l.Scenario == "search" && l.Connections == 32), r.Load.FirstOrDefault(l => l.Scenario == "ceiling" && l.Connections == 32)) is ({ } search, { } ceiling)
                && ceiling.RequestsPerSecond > 0
                ? new($"{Format.Percent(search.RequestsPerSecond / ceiling.RequestsPerSecond)} ({Format.Rps(search.RequestsPerSecond)} of {Format.Rps(ceiling.RequestsPerSecond)} req/s), {search.Errors} errors",
                    search.RequestsPerSecond >= SearchShareOfCeiling * ceiling.RequestsPerSecond && search.Errors == 0)
                : null),
        new("Import of the roster: check + commit", $"≤ {ImportSeconds} s", r =>
            r.Import is { } import
                ? new($"{Format.Seconds(import.TotalSeconds)} ({Format.Number(import.Rows)} rows: check {Format.Seconds(import.Check.Seconds)}, commit {(import.Commit is { } c ? Format.Seconds(c.Seconds) : "—")}; {import.Outcome})",
                    import.TotalSeconds <= ImportSeconds && import.Outcome == "Imported")
                : null),
        new("Import: the server's memory, peak over the RSS before", "≤ 300 MB", r =>
            r.Import is { } import
                ? new($"+{Format.Mb(import.IncreaseBytes)} (peak RSS {Format.Mb(import.PeakRssBytes)})", import.IncreaseBytes <= ImportMemoryBytes)
                : null),
        new("Export of the list", $"≤ {ExportSeconds} s", r =>
            r.Export is { } export
                ? new($"{Format.Seconds(export.Step.Seconds)} ({Format.Number(export.Rows)} rows)", export.Step.Seconds <= ExportSeconds)
                : null),
        new("Export: the server's memory, peak over the RSS before", "≤ 150 MB", r =>
            r.Export is { } export
                ? new($"+{Format.Mb(export.Step.IncreaseBytes)} (peak RSS {Format.Mb(export.Step.PeakRssBytes)})", export.Step.IncreaseBytes <= ExportMemoryBytes)
                : null),
        new("Staff pages over the wire, CSS and JS included", "≤ 150 KB", r =>
            r.Pages.MaxBy(p => p.TotalWireBytes) is { } heaviest
                ? new($"{Format.Kb(heaviest.TotalWireBytes)} (heaviest: {heaviest.Title})", heaviest.TotalWireBytes <= PageWireBytes)
                : null),
        new("Server memory under load", "≤ 400 MB", r =>
            r.ServerMemory is { PeakRssUnderLoadBytes: > 0 } memory
                ? new(Format.Mb(memory.PeakRssUnderLoadBytes), memory.PeakRssUnderLoadBytes <= ServerUnderLoadBytes)
                : null),
    ];
}
