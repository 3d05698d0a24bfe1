namespace Doorstep.BenchRunner.Tests;

/// <summary>Results as a run would write them, with the figures a test wants to vary.</summary>
internal static class Results
{
    public static DatabaseResult Measured(string database = "sqlite", double searchP95Ms = 0.9, double searchRps = 900, long searchErrors = 0, double importSeconds = 12, long exportPeakMb = 140, double listeningReportP95Ms = 30, long playerHtmlWireBytes = 4_000, double saveRps = 900, double saveP95Ms = 20, long saveErrors = 0, long listPageBytes = 50_000)
    {
        var result = new DatabaseResult
        {
            Database = database,
            Members = 1_000_000,
            Generation = new ProcessMeasure(219, 1_800L << 20),
            Benchmarks = new BenchmarkReport("Sqlite", 1_000_000,
            [
                new("search.name", "按姓名查找", 1.1, 1.0, searchP95Ms, 40_000, 3),
                new("search.pinyin", "按拼音首字母查找", 0.9, 0.8, 1.5, 30_000, 20),
                new("search.name.district", "按姓名查找（全区）", 2.1, 2.0, 6.5, 40_000, 3),
                new("file.timeline", "档案与时间线", 2.0, 1.9, 3.3, 90_000, null),
                new("visits.my-visits", "我的走访", 3.0, 2.9, 6.0, 60_000, 100),
                new("visits.coverage", "走访覆盖情况", 20, 19, 35, 20_000, 30),
                new("visits.start", "启动送学上门活动", 9_000, 9_000, 9_500, 900_000_000, 100_000),
                new("listening.area-report", "居民区随身听收听情况", 20, 19, listeningReportP95Ms, 200_000, null),
                new("activities.calendar", "居民区活动月历（本居民区干部）", 3.0, 2.9, 4.1, 120_000, 14),
                new("activities.figures", "街道活动月度统计（街道管理员）", 30, 29, 41, 900_000, 140),
                new("inspections.handler-open", "处置部门的待办问题", 2.0, 1.9, 4.0, 80_000, 20),
                new("inspections.figures", "街道创文统计（按居民区和类别）", 40, 38, 60, 400_000, 120),
                new("inspections.open311", "Open311 问题列表", 5.0, 4.8, 9.0, 100_000, 50),
                new("page.list", "党员名单页（整页）", 0.6, 0.6, 0.9, listPageBytes, 20),
            ]),
            ServerMemory = new ServerMemory(150L << 20, 210L << 20, 260L << 20),
            Import = new ImportResult(100_000, "Imported", new ServerStep(importSeconds / 2, 200L << 20, 280L << 20), new ServerStep(importSeconds / 2, 210L << 20, 290L << 20)),
            Export = new ExportResult("年龄不小于60岁", 101_234, 9_000_000, new ServerStep(4.5, 120L << 20, exportPeakMb << 20)),
        };
        result.Load.AddRange(
        [
            new LoadResult("ceiling", "上限", 32, 12, 48_000, 4_000, 5, 12, 20, 40, 0, 0, 0, 230L << 20),
            new LoadResult("search", "查找页", 32, 12, (long)(searchRps * 12), searchRps, 30, 60, 90, 120, 0, searchErrors, 0, 250L << 20),
            new LoadResult("list.cadre", "党员列表", 32, 12, 12_000, 1_000, 25, 50, 70, 90, 0, 0, 0, 250L << 20),
            new LoadResult("file", "档案页", 32, 12, 10_800, 900, 28, 55, 75, 95, 0, 0, 0, 250L << 20),
            new LoadResult("api.search", "接口查找", 32, 12, 14_400, 1_200, 20, 40, 50, 70, 0, 0, 0, 250L << 20),
            new LoadResult("visits-record", "登记走访", 32, 12, 12_000, 1_000, 15, 30, 45, 80, 0, 0, 0, 250L << 20),
            new LoadResult(ListeningLoad.ScenarioId, "随身听进度保存", 32, 12, 14_400, 1_200, 8, 30, 40, 80, 0, 0, 0, 250L << 20),
            new LoadResult(ListeningLoad.ScenarioId, "随身听进度保存", 1_000, 12, (long)(saveRps * 12), saveRps, 8, saveP95Ms, 40, 80, 0, saveErrors, 0, 250L << 20, MeanWaitMs: 1_350),
            new LoadResult("activities-check-in", "活动签到（POST）", 32, 12, 6_000, 500, 20, 40, 60, 90, 0, 0, 0, 250L << 20),
            new LoadResult(InspectionsLoad.Id, "登记问题（附3 MB照片）", 1, 8, 40, 5, 150, 220, 250, 260, 0, 0, 0, 260L << 20),
        ]);
        result.Pages.Add(new PageWeight("党员档案列表", "/Members?q=%E7%8E%8B", 26_000, 26_000, false, [new AssetWeight("/css/site.css", 11_000, 3_000, "gzip")]));
        result.Pages.Add(new PageWeight(PageWeights.ListeningPlayer, "/listen/AAAAAAAAAAAAAAAAAAAAAAAA/chapters/1", 9_000, playerHtmlWireBytes, true,
            [new AssetWeight("/css/player.css", 6_000, 2_000, "gzip"), new AssetWeight("/js/player.js", 12_000, 4_000, "gzip")]));
        return result;
    }

    public static RunInfo Run(params string[] databases) =>
        new("abc123def456", new DateTime(2026, 11, 29, 7, 30, 0, DateTimeKind.Utc), 1_500, 1_000_000, databases,
            new Machine("Intel(R) Xeon(R) Processor", 2, 24_105, "Debian GNU/Linux 12 (bookworm)", ".NET 10.0.12, SDK 10.0.401"));
}
