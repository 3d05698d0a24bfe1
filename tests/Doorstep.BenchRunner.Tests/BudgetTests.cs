namespace Doorstep.BenchRunner.Tests;

public class BudgetTests
{
    private static Verdict? Judge(string title, DatabaseResult result) =>
        Budget.All.Single(b => b.Title.StartsWith(title, StringComparison.Ordinal)).Judge(result);

    [Fact]
    public void A_run_within_every_budget_meets_them_all()
    {
        var result = Results.Measured();

        Assert.All(Budget.All, b => Assert.True(b.Judge(result)?.Met, b.Title));
    }

    [Fact]
    public void The_listening_player_is_held_to_50_KB_with_its_stylesheet_and_script()
    {
        Assert.Equal("10.0 KB", Judge("随身听 player", Results.Measured(playerHtmlWireBytes: 4_240))!.Figure);
        Assert.True(Judge("随身听 player", Results.Measured(playerHtmlWireBytes: (50 << 10) - 6_000))!.Met);
        Assert.False(Judge("随身听 player", Results.Measured(playerHtmlWireBytes: (50 << 10) - 5_999))!.Met);
    }

    [Fact]
    public void Progress_saves_need_700_a_second_at_p95_50_ms_and_not_one_error()
    {
        Assert.Equal("700 /s at p95 50.0 ms, 0 errors (at 32 connections without waits: 1,200 /s at p95 30.0 ms)", Judge("随身听 progress saves", Results.Measured(saveRps: 700, saveP95Ms: 50))!.Figure);
        Assert.True(Judge("随身听 progress saves", Results.Measured(saveRps: 700, saveP95Ms: 50))!.Met);
        Assert.False(Judge("随身听 progress saves", Results.Measured(saveRps: 699))!.Met);
        Assert.False(Judge("随身听 progress saves", Results.Measured(saveP95Ms: 51))!.Met);
        Assert.False(Judge("随身听 progress saves", Results.Measured(saveErrors: 1))!.Met);
    }

    [Fact]
    public void Progress_saves_are_judged_as_phones_make_them_not_by_connections_that_never_wait()
    {
        var withoutPhones = Results.Measured();
        withoutPhones.Load.RemoveAll(l => l.Scenario == ListeningLoad.ScenarioId && l.MeanWaitMs is not null);

        Assert.Null(Judge("随身听 progress saves", withoutPhones));
    }

    [Fact]
    public void The_area_report_misses_past_100_ms()
    {
        Assert.True(Judge("随身听 area report", Results.Measured(listeningReportP95Ms: 100))!.Met);
        Assert.False(Judge("随身听 area report", Results.Measured(listeningReportP95Ms: 100.5))!.Met);
    }

    [Fact]
    public void Search_is_judged_by_its_slowest_kind_and_names_it()
    {
        var verdict = Judge("Member search p95", Results.Measured(searchP95Ms: 24.5));

        Assert.False(verdict!.Met);
        Assert.Equal("24.5 ms (worst: search.name)", verdict.Figure);
    }

    [Fact]
    public void The_district_search_is_held_to_the_district_budget_not_the_sub_district_one()
    {
        var result = Results.Measured();
        result.Benchmarks = result.Benchmarks! with { Benchmarks = [.. result.Benchmarks.Benchmarks, new("search.surname.district", "按姓氏查找（全区）", 30, 29, 31, 135_000, 20)] };

        Assert.True(Judge("Member search p95", result)!.Met);
        Assert.Equal("1.50 ms (worst: search.pinyin)", Judge("Member search p95", result)!.Figure);
        Assert.False(Judge("District search p95", result)!.Met);
        Assert.True(Judge("District search p95", Postgres(result))!.Met);
    }

    private static DatabaseResult Postgres(DatabaseResult sqlite) => new()
    {
        Database = "postgres",
        Members = sqlite.Members,
        Benchmarks = sqlite.Benchmarks,
    };

    [Fact]
    public void Starting_a_campaign_is_judged_in_seconds_and_names_the_tasks_it_made_and_recording_visits_misses_on_one_error()
    {
        var result = Results.Measured();

        Assert.Equal("9.5 s (100,000 tasks)", Judge("送学上门: starting a campaign", result)!.Figure);
        var record = result.Load.FindIndex(l => l.Scenario == Budget.VisitsRecordScenario);
        Assert.True(Judge("送学上门: recording a visit", result)!.Met);
        result.Load[record] = result.Load[record] with { StatusErrors = 1 };
        Assert.False(Judge("送学上门: recording a visit", result)!.Met);
    }

    [Fact]
    public void Registering_a_spot_is_judged_on_its_p95_and_misses_on_one_error()
    {
        var result = Results.Measured();
        var register = result.Load.FindIndex(l => l.Scenario == InspectionsLoad.Id);

        Assert.Equal("220 ms (40 spots, 0 errors)", Judge("创文 registering a spot", result)!.Figure);
        result.Load[register] = result.Load[register] with { StatusErrors = 1 };
        Assert.False(Judge("创文 registering a spot", result)!.Met);
        result.Load[register] = result.Load[register] with { StatusErrors = 0, P95Ms = 301 };
        Assert.False(Judge("创文 registering a spot", result)!.Met);
    }

    [Fact]
    public void The_search_page_misses_on_a_single_error_however_fast_it_is()
    {
        var verdict = Judge("Search page at 32 connections", Results.Measured(searchRps: 3_000, searchErrors: 1));

        Assert.False(verdict!.Met);
        Assert.Equal("75 % (3,000 of 4,000 req/s), 1 errors", verdict.Figure);
    }

    [Fact]
    public void The_search_page_misses_below_a_fifth_of_the_ceiling_on_SQLite_and_a_tenth_on_PostgreSQL()
    {
        Assert.False(Judge("Search page at 32 connections", Results.Measured(searchRps: 799))!.Met);
        Assert.True(Judge("Search page at 32 connections", Results.Measured(searchRps: 800))!.Met);
        Assert.False(Judge("Search page at 32 connections", Results.Measured("postgres", searchRps: 399))!.Met);
        Assert.True(Judge("Search page at 32 connections", Results.Measured("postgres", searchRps: 400))!.Met);
    }

    [Fact]
    public void The_list_page_is_held_to_a_fifth_of_the_ceiling_on_SQLite_and_shown_without_a_verdict_on_PostgreSQL()
    {
        Assert.True(Judge("List page at 32 connections", Results.Measured())!.Met);

        var postgres = Judge("List page at 32 connections", Results.Measured("postgres"));

        Assert.Null(postgres!.Met);
        Assert.Equal("25 % (1,000 of 4,000 req/s), 0 errors (no budget)", Report.Cell(postgres));
    }

    [Fact]
    public void A_name_search_in_a_sub_district_is_held_to_1_ms_on_SQLite_and_5_ms_on_PostgreSQL()
    {
        var verdict = Judge("Name search p95 within a sub-district", Results.Measured(searchP95Ms: 1.1));

        Assert.False(verdict!.Met);
        Assert.Equal("1.10 ms (worst: search.name)", verdict.Figure);
        Assert.True(Judge("Name search p95 within a sub-district", Results.Measured("postgres", searchP95Ms: 5))!.Met);
        Assert.False(Judge("Name search p95 within a sub-district", Results.Measured("postgres", searchP95Ms: 5.1))!.Met);
    }

    [Fact]
    public void A_list_page_request_is_held_to_sixty_kilobytes_allocated()
    {
        Assert.True(Judge("Allocations per list-page request", Results.Measured(listPageBytes: 60 * 1024))!.Met);

        var verdict = Judge("Allocations per list-page request", Results.Measured(listPageBytes: 257_000));

        Assert.False(verdict!.Met);
        Assert.Equal("251.0 KB", verdict.Figure);
    }

    [Fact]
    public void Import_time_is_the_check_and_the_commit_together()
    {
        var verdict = Judge("Import of the roster", Results.Measured(importSeconds: 31));

        Assert.False(verdict!.Met);
        Assert.StartsWith("31.0 s (100,000 rows: check 15.5 s, commit 15.5 s; Imported)", verdict.Figure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_that_only_updated_files_already_there_does_not_meet_the_budget()
    {
        var result = Results.Measured(importSeconds: 20);
        result.Import = result.Import! with { NewFiles = 0 };

        var verdict = Judge("Import of the roster", result);

        Assert.False(verdict!.Met);
        Assert.EndsWith("Imported, only 0 new files: the data set held the roster already)", verdict.Figure, StringComparison.Ordinal);
        Assert.True(Judge("Import of the roster", Results.Measured(importSeconds: 20))!.Met);
    }

    [Fact]
    public void Import_and_export_memory_is_judged_on_what_the_step_adds_with_the_peak_beside_it()
    {
        Assert.True(Judge("Export: the server's memory", Results.Measured(exportPeakMb: 270))!.Met);

        var verdict = Judge("Export: the server's memory", Results.Measured(exportPeakMb: 271));

        Assert.False(verdict!.Met);
        Assert.Equal("+151 MB (peak RSS 271 MB)", verdict.Figure);
    }

    [Fact]
    public void What_a_run_did_not_measure_is_not_judged()
    {
        var result = Results.Measured();
        result.Benchmarks = null;
        result.Import = null;

        Assert.Null(Judge("Member search p95", result));
        Assert.Null(Judge("Import of the roster", result));
    }
}
