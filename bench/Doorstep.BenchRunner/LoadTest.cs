using System.Net;

namespace Doorstep.BenchRunner;

/// <summary>
/// The app under HTTP load from wrk on the same machine: a trivial endpoint as the ceiling, then the
/// pages staff use, each at 8 and 32 connections for a fixed time, with the server's memory sampled.
/// </summary>
internal static class LoadTest
{
    public static readonly int[] Connections = [8, 32];

    private sealed record Scenario(string Id, string Title, IReadOnlyList<string> Paths, StaffSession As);

    public static async Task RunAsync(AppServer server, StaffSession admin, StaffSession cadre, Samples samples, RunOptions options, string work, DatabaseResult result)
    {
        var scenarios = new List<Scenario>
        {
            new("ceiling", "上限：/healthz/live（不查数据库）", ["/healthz/live"], admin),
            new("search", "查找页 /Members?q=姓名（街道管理员）", samples.Names.Select(n => "/Members?q=" + Uri.EscapeDataString(n)).ToList(), admin),
            new("list.cadre", "党员列表 /Members（居民区干部）", Enumerable.Range(1, 5).Select(p => p == 1 ? "/Members" : $"/Members?page={p}").ToList(), cadre),
            new("file", "档案页 /Members/Details/编号（街道管理员）", samples.MemberIds.Select(id => $"/Members/Details/{id}").ToList(), admin),
            new("api.search", "接口 /api/v1/members?q=姓名（街道管理员）", samples.Names.Select(n => "/api/v1/members?q=" + Uri.EscapeDataString(n)).ToList(), admin),
        };

        var rssAfterStart = ProcessMemory.Rss(server.Pid);
        Console.WriteLine("  warming up");
        foreach (var scenario in scenarios)
        {
            await Wrk.RunAsync(server.Address, await PathsFileAsync(work, scenario), 8, TimeSpan.FromSeconds(3), scenario.As.CookieHeader);
        }

        var rssAfterWarmUp = ProcessMemory.Rss(server.Pid);
        long peak = 0;
        foreach (var scenario in scenarios)
        {
            var paths = await PathsFileAsync(work, scenario);
            foreach (var connections in Connections)
            {
                Wrk.Summary summary;
                long highest;
                await using (var sampler = new RssSampler(server.Pid))
                {
                    summary = await Wrk.RunAsync(server.Address, paths, connections, TimeSpan.FromSeconds(options.LoadSeconds), scenario.As.CookieHeader);
                    highest = sampler.Highest;
                }

                peak = Math.Max(peak, highest);
                var load = new LoadResult(scenario.Id, scenario.Title, connections, summary.Seconds, summary.Requests, summary.RequestsPerSecond,
                    summary.LatencyUs.P50 / 1000.0, summary.LatencyUs.P95 / 1000.0, summary.LatencyUs.P99 / 1000.0, summary.LatencyUs.Max / 1000.0,
                    summary.SocketErrors, summary.StatusErrors, summary.Timeouts, highest);
                result.Load.Add(load);
                Console.WriteLine($"  {scenario.Id,-11} c={connections,-2}  {load.RequestsPerSecond,8:F0} req/s  p50 {load.P50Ms,7:F1} ms  p95 {load.P95Ms,7:F1} ms  p99 {load.P99Ms,7:F1} ms  errors {load.Errors}  rss {highest / 1048576} MB");

                // A redirect is a success to wrk: make sure the load was not served by the sign-in page.
                if (!await StillSignedInAsync(scenario.As, scenario.Paths[0]))
                {
                    result.Problems.Add($"{scenario.Id}: the session was signed out during the load; its figures measured a redirect");
                }
            }
        }

        result.ServerMemory = new ServerMemory(rssAfterStart, rssAfterWarmUp, peak);
    }

    private static async Task<bool> StillSignedInAsync(StaffSession session, string path)
    {
        using var response = await session.Client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<string> PathsFileAsync(string work, Scenario scenario)
    {
        var file = Path.Combine(work, $"paths-{scenario.Id}.txt");
        await File.WriteAllLinesAsync(file, scenario.Paths);
        return file;
    }
}
