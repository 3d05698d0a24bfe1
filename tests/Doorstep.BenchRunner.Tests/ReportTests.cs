namespace Doorstep.BenchRunner.Tests;

public class ReportTests
{
    [Fact]
    public void The_budgets_table_puts_the_databases_side_by_side_with_met_or_missed()
    {
        var markdown = Report.Render(Results.Run("sqlite", "postgres"), [Results.Measured("sqlite"), Results.Measured("postgres", searchP95Ms: 31)], notes: null);

        Assert.Contains("| Budget | Limit | SQLite | PostgreSQL |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Member search p95, server time (BDN search.*, within a user's scope) | ≤ 20 ms | 1.50 ms (worst: search.pinyin): **met** | 31.0 ms (worst: search.name): **missed** |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_states_the_machine_data_size_commit_date_and_duration()
    {
        var markdown = Report.Render(Results.Run("sqlite"), [Results.Measured()], notes: null);

        Assert.Contains("`bench/run.sh --members 1000000` on 2026-11-29 07:30 UTC, commit `abc123def456`; the whole run took 25 min 00 s", markdown, StringComparison.Ordinal);
        Assert.Contains("| Machine | Intel(R) Xeon(R) Processor, 2 cores, 24,105 MB RAM |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Data | 1,000,000 members", markdown, StringComparison.Ordinal);
        Assert.Contains("a fresh data set per database", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_on_a_reused_data_set_says_so_instead_of_fresh()
    {
        var markdown = Report.Render(Results.Run("sqlite") with { ReusedData = true }, [Results.Measured()], notes: null);

        Assert.Contains("measured with `--reuse-data`", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("a fresh data set", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hand_written_notes_close_the_report_and_an_empty_run_says_what_it_missed()
    {
        var result = Results.Measured();
        result.Problems.Add("the in-process benchmarks failed (134)");

        var markdown = Report.Render(Results.Run("sqlite"), [result], notes: "Search misses on PostgreSQL because …\n");

        Assert.Contains("- SQLite: the in-process benchmarks failed (134)", markdown, StringComparison.Ordinal);
        Assert.EndsWith("Search misses on PostgreSQL because …" + Environment.NewLine + Environment.NewLine, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_shown_as_people_read_them_and_pipes_cannot_break_a_table()
    {
        var result = Results.Measured();
        result.Pages.Add(new PageWeight("a | b", "/Members", 1, 1, false, []));

        var markdown = Report.Render(Results.Run("sqlite"), [result], notes: null);

        Assert.Contains("`/Members?q=王`", markdown, StringComparison.Ordinal);
        Assert.Contains("| a \\| b |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_without_a_figure_reads_not_measured()
    {
        Assert.Equal("not measured", Report.Cell(null));
        Assert.Equal("3.1 s: **met**", Report.Cell(new Verdict("3.1 s", true)));
    }
}
