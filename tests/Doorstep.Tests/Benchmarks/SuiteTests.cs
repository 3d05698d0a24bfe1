using Doorstep.Benchmarks;
using Doorstep.Data;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Benchmarks;

/// <summary>A database of its own: the import benchmark stores an upload while it runs.</summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkApp : ICollectionFixture<DoorstepApp>
{
    public const string Name = "benchmarks";
}

/// <summary>
/// Runs each benchmark once on the demo data, outside BenchmarkDotNet, so that the suite cannot
/// quietly rot as the features it measures change. Measures nothing.
/// </summary>
[Collection(BenchmarkApp.Name)]
public class SuiteTests(DoorstepApp app)
{
    private static readonly string[] Ids =
    [
        "search.name", "search.name.district", "search.surname", "search.surname.district", "search.name-part", "search.pinyin", "search.id-tail", "search.id-number", "search.phone",
        "list.cadre", "list.cadre.page50", "list.filtered", "file.timeline", "lives-elsewhere.counts", "import.check-100k",
        "listening.progress-save", "listening.area-report",
        "visits.my-visits", "visits.coverage", "visits.start",
        "activities.calendar", "activities.figures",
        "inspections.handler-open", "inspections.figures", "inspections.open311",
        "page.list", "page.search", "page.file",
    ];

    [Fact]
    public async Task Every_benchmark_runs_the_real_queries_and_returns_rows_and_the_made_roster_checks_clean()
    {
        var roster = Path.Combine(Path.GetTempPath(), $"doorstep-roster-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using var target = new BenchTarget(Enum.Parse<DatabaseProvider>(app.DatabaseProvider), app.ConnectionString, DoorstepApp.PersonalDataKey, roster);
            var (created, updated) = await RosterMaker.WriteAsync(target, rows: 500, roster);
            BenchTarget.Current = target;

            var rows = await Suite.RunOnceAsync(Suite.Select(null));

            Assert.Equal((490, 10), (created, updated));
            Assert.Equal(Ids, rows.Keys);
            Assert.All(rows, r => Assert.True(r.Value > 0, $"{r.Key} returned no rows"));
            // The import benchmark fails unless the check found no problem, so this also proves make-roster.
            Assert.Equal(500, rows["import.check-100k"]);
        }
        finally
        {
            File.Delete(roster);
        }
    }

    [Theory]
    [InlineData("search.*", 9)]
    [InlineData("list.cadre*", 2)]
    [InlineData("file.timeline", 1)]
    [InlineData("*", 28)]
    [InlineData("visits.*", 3)]
    [InlineData("activities.*", 2)]
    [InlineData("inspections.*", 3)]
    [InlineData("page.*", 3)]
    public void A_glob_selects_benchmarks_by_their_ids(string glob, int count) =>
        Assert.Equal(count, Suite.Select(glob).Count);
}
