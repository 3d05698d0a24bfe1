namespace Doorstep.BenchRunner.Tests;

public class RunOptionsTests
{
    [Fact]
    public void Without_options_a_run_measures_a_million_members_on_both_databases()
    {
        var options = RunOptions.Parse(["run"], "/repo");

        Assert.Equal(1_000_000, options.Members);
        Assert.Equal(["sqlite", "postgres"], options.Databases);
        Assert.Equal("/repo/bench/results", options.Results);
    }

    [Fact]
    public void A_smoke_run_names_its_size_and_databases_as_the_shell_passes_them()
    {
        var options = RunOptions.Parse(["run", "--members", "20,000", "--databases", "postgres", "--postgres-database", "h1_bench"], "/repo");

        Assert.Equal(20_000, options.Members);
        Assert.Equal(["postgres"], options.Databases);
        Assert.Equal("h1_bench", options.PostgresDatabase);
    }

    [Fact]
    public void Generating_and_measuring_can_be_split_into_two_runs()
    {
        Assert.False(RunOptions.Parse(["run"], "/repo") is { GenerateOnly: true } or { ReuseData: true });
        Assert.True(RunOptions.Parse(["run", "--members", "20000", "--generate-only"], "/repo").GenerateOnly);
        Assert.True(RunOptions.Parse(["run", "--reuse-data", "--work", "/data"], "/repo") is { ReuseData: true, Work: "/data" });
    }

    [Fact]
    public void An_unknown_database_is_refused_before_anything_runs()
    {
        Assert.Throws<ArgumentException>(() => RunOptions.Parse(["run", "--databases", "sqlite mysql"], "/repo"));
    }
}
