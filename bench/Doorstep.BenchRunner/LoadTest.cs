namespace Doorstep.BenchRunner;

/// <summary>
/// The app under HTTP load from wrk on the same machine: a trivial endpoint as the ceiling, then the
/// pages staff use and the features' scenarios, each at 8 and 32 connections for a fixed time, with
/// the server's memory sampled.
/// </summary>
internal static class LoadTest
{
    public static readonly int[] Connections = [8, 32];

    /// <summary>The ceiling first (every ratio compares with it), then the member pages.</summary>
    public static IReadOnlyList<LoadScenario> CoreScenarios(StaffSession admin, StaffSession cadre, Samples samples) =>
    [
        new("ceiling", "上限：/healthz/live（不查数据库）", ["/healthz/live"], admin),
        new("search", "查找页 /Members?q=姓名（街道管理员）", samples.Names.Select(n => "/Members?q=" + Uri.EscapeDataString(n)).ToList(), admin),
        new("list.cadre", "党员列表 /Members（居民区干部）", Enumerable.Range(1, 5).Select(p => p == 1 ? "/Members" : $"/Members?page={p}").ToList(), cadre),
        new("file", "档案页 /Members/Details/编号（街道管理员）", samples.MemberIds.Select(id => $"/Members/Details/{id}").ToList(), admin),
        new("api.search", "接口 /api/v1/members?q=姓名（街道管理员）", samples.Names.Select(n => "/api/v1/members?q=" + Uri.EscapeDataString(n)).ToList(), admin),
    ];

    public static async Task RunAsync(AppServer server, IReadOnlyList<LoadScenario> scenarios, RunOptions options, string work, DatabaseResult result)
    {
        var rssAfterStart = ProcessMemory.Rss(server.Pid);
        Console.WriteLine("  warming up");
        foreach (var scenario in scenarios)
        {
            await Wrk.RunAsync(server.Address, await RequestsFileAsync(work, scenario), Connections[^1], TimeSpan.FromSeconds(options.WarmUpSeconds), scenario);
        }

        var rssAfterWarmUp = ProcessMemory.Rss(server.Pid);
        long peak = 0;
        foreach (var scenario in scenarios)
        {
            var requests = await RequestsFileAsync(work, scenario);
            foreach (var connections in Connections)
            {
                peak = Math.Max(peak, await MeasureAsync(server, requests, connections, null, scenario, options, result));
            }

            if (scenario.Paced is { } phones)
            {
                peak = Math.Max(peak, await MeasureAsync(server, requests, phones.Count, phones.MeanWaitMs, scenario, options, result));
            }
        }

        result.ServerMemory = new ServerMemory(rssAfterStart, rssAfterWarmUp, peak);
    }

    /// <summary>One load of one scenario, added to the result with its check's problem if any; returns the server's peak RSS during it.</summary>
    private static async Task<long> MeasureAsync(AppServer server, string requests, int connections, int? meanWaitMs, LoadScenario scenario, RunOptions options, DatabaseResult result)
    {
        Wrk.Summary summary;
        long highest;
        await using (var sampler = new RssSampler(server.Pid))
        {
            summary = await Wrk.RunAsync(server.Address, requests, connections, TimeSpan.FromSeconds(options.LoadSeconds), scenario, meanWaitMs);
            highest = sampler.Highest;
        }

        var load = new LoadResult(scenario.Id, scenario.Title, connections, summary.Seconds, summary.Requests, summary.RequestsPerSecond,
            summary.LatencyUs.P50 / 1000.0, summary.LatencyUs.P95 / 1000.0, summary.LatencyUs.P99 / 1000.0, summary.LatencyUs.Max / 1000.0,
            summary.SocketErrors, summary.StatusErrors, summary.Timeouts, highest, meanWaitMs);
        result.Load.Add(load);
        var paced = meanWaitMs is null ? "" : $" (paced, {meanWaitMs} ms)";
        Console.WriteLine($"  {scenario.Id,-11} c={connections,-2}{paced}  {load.RequestsPerSecond,8:F0} req/s  p50 {load.P50Ms,7:F1} ms  p95 {load.P95Ms,7:F1} ms  p99 {load.P99Ms,7:F1} ms  errors {load.Errors}  rss {highest / 1048576} MB");

        if (summary.Unexpected(scenario.Answer) is { } answers)
        {
            result.Problems.Add($"{scenario.Id} c={connections}{paced}: {answers}");
        }

        if (scenario.Check is not null && await scenario.Check() is { } problem)
        {
            result.Problems.Add($"{scenario.Id} c={connections}{paced}: {problem}");
        }

        return highest;
    }

    private static async Task<string> RequestsFileAsync(string work, LoadScenario scenario)
    {
        var file = Path.Combine(work, $"requests-{scenario.Id}.txt");
        await File.WriteAllLinesAsync(file, scenario.Requests);
        return file;
    }
}
