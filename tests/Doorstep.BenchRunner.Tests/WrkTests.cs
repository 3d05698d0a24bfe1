using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Web;

namespace Doorstep.BenchRunner.Tests;

public class WrkTests
{
    private const string Output = """
        Running 12s test @ http://127.0.0.1:5100
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    12.10ms    8.31ms 210.55ms   90.12%
            Req/Sec     1.35k   201.33     1.80k    71.00%
          32400 requests in 12.00s, 410.12MB read
          Socket errors: connect 0, read 2, write 1, timeout 3
          Non-2xx or 3xx responses: 7
        Requests/sec:   2700.00
        Transfer/sec:     34.18MB
        wrk-json {"requests":32400,"durationUs":12000000,"bytes":430043136,"connectErrors":0,"readErrors":2,"writeErrors":1,"statusErrors":7,"timeouts":3,"latencyUs":{"mean":12100.5,"p50":9800,"p90":21000,"p95":28500,"p99":61000,"max":210550},"answers":{"302 /HomeVisits/Mine":32390,"200":3,"500":7}}
        """;

    [Fact]
    public void Reads_requests_latency_and_errors_from_the_scripts_summary_line()
    {
        var summary = Wrk.Parse(Output);

        Assert.Equal(32400, summary.Requests);
        Assert.Equal(2700, summary.RequestsPerSecond, precision: 6);
        Assert.Equal(28500, summary.LatencyUs.P95);
        Assert.Equal(61000, summary.LatencyUs.P99);
        Assert.Equal(7, summary.StatusErrors);
    }

    [Fact]
    public void Socket_errors_count_broken_connections_and_timeouts_but_not_error_statuses()
    {
        var summary = Wrk.Parse(Output);

        Assert.Equal(6, summary.SocketErrors);
    }

    [Fact]
    public void Answers_other_than_the_expected_one_are_named_with_their_counts()
    {
        var summary = Wrk.Parse(Output);

        Assert.Equal(
            "7 of 32,400 answers were \"500\"; 3 of 32,400 answers were \"200\", not \"302 /HomeVisits/Mine\": the load measured something else",
            summary.Unexpected("302 /HomeVisits/Mine"));
        Assert.Null((summary with { Answers = new Dictionary<string, long> { ["200"] = 32400 } }).Unexpected("200"));
    }

    [Fact]
    public void A_summary_that_does_not_say_what_was_answered_is_a_problem()
    {
        var summary = Wrk.Parse(Output) with { Answers = null };

        Assert.NotNull(summary.Unexpected("200"));
    }

    [Fact]
    public void Output_without_the_summary_line_is_an_error_rather_than_zero_requests()
    {
        var plain = Output[..Output.IndexOf("wrk-json", StringComparison.Ordinal)];

        Assert.Throws<FormatException>(() => Wrk.Parse(plain));
    }
}

/// <summary>The scripts of the load test, run by the real wrk against a small listener that records what arrives.</summary>
public class WrkScriptTests
{
    [Fact]
    public async Task Posts_carry_their_body_and_content_type_and_every_uuid_is_a_new_guid()
    {
        var scenario = new LoadScenario("t", "t", ["/read?x=1", LoadScenario.Post("/write/{n}", LoadScenario.FormBody([new("Key", "{uuid}"), new("Note", "你好 & 再见")]))], null, LoadScenario.Form);

        var (summary, received) = await RecordingListener.LoadAsync(scenario, connections: 4, meanWaitMs: null);

        var posts = received.Where(r => r.Method == "POST").ToList();
        Assert.True(summary.Requests > 0);
        Assert.Contains(received, r => r.Method == "GET" && r.Path == "/read?x=1");
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal(LoadScenario.Form, p.Type));
        var forms = posts.Select(p => HttpUtility.ParseQueryString(p.Body)).ToList();
        Assert.All(forms, f => Assert.Equal("你好 & 再见", f["Note"]));
        var keys = forms.Select(f => Guid.Parse(f["Key"]!)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(posts.Count, posts.Select(p => p.Path).Distinct().Count());
    }

    [Fact]
    public async Task Answers_are_counted_by_status_and_a_redirect_by_where_it_led()
    {
        var scenario = new LoadScenario("t", "t", ["/read", LoadScenario.Post("/write", "a=1")], null, LoadScenario.Form);

        var (summary, received) = await RecordingListener.LoadAsync(scenario, connections: 2, meanWaitMs: null,
            answer: request => request.HttpMethod == "POST" ? (302, "/done?from=write") : (200, null));

        Assert.Equal(["200", "302 /done"], summary.Answers!.Keys.Order());
        Assert.Equal(summary.Requests, summary.Answers.Values.Sum());
        Assert.Contains("302 /done", summary.Unexpected("200"), StringComparison.Ordinal);
        Assert.NotEmpty(received);
    }

    [Fact]
    public async Task Phones_wait_before_each_request_and_still_send_the_scenarios_requests()
    {
        var scenario = new LoadScenario("t", "t", [LoadScenario.Post("/save/{n}", "{}")], null, LoadScenario.Json);

        var (hurried, _) = await RecordingListener.LoadAsync(scenario, connections: 2, meanWaitMs: null);
        var (phones, received) = await RecordingListener.LoadAsync(scenario, connections: 2, meanWaitMs: 250);

        // Two phones waiting 0–500 ms before each save send about 2 × 2 s ÷ 250 ms = 16 in 2 s;
        // two connections that never wait send hundreds.
        Assert.InRange(phones.Requests, 4, 60);
        Assert.True(hurried.Requests > 10 * phones.Requests, $"{hurried.Requests} requests without waits, {phones.Requests} with");
        Assert.All(received, r => Assert.Equal(("POST", LoadScenario.Json, "{}"), (r.Method, r.Type, r.Body)));
        Assert.Equal(received.Count, received.Select(r => r.Path).Distinct().Count());
    }

    /// <summary>An HTTP listener on a free port that answers 204 (or as told) and records each request that arrived whole.</summary>
    private static class RecordingListener
    {
        public static async Task<(Wrk.Summary Summary, IReadOnlyList<(string Method, string Path, string? Type, string Body)> Received)> LoadAsync(
            LoadScenario scenario, int connections, int? meanWaitMs, Func<HttpListenerRequest, (int Status, string? Location)>? answer = null)
        {
            using var listener = new HttpListener();
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            tcp.Stop();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var received = new ConcurrentBag<(string Method, string Path, string? Type, string Body)>();
            var serving = Task.Run(async () =>
            {
                try
                {
                    while (listener.IsListening)
                    {
                        var context = await listener.GetContextAsync();
                        using var body = new MemoryStream();
                        await context.Request.InputStream.CopyToAsync(body);
                        // wrk closes its connections when the time is up, cutting off what was on the way.
                        if (body.Length == Math.Max(0, context.Request.ContentLength64))
                        {
                            received.Add((context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray())));
                        }

                        var (status, location) = answer?.Invoke(context.Request) ?? (204, null);
                        context.Response.StatusCode = status;
                        if (location is not null)
                        {
                            context.Response.RedirectLocation = location;
                        }

                        context.Response.Close();
                    }
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    // stopped
                }
            });
            var requests = Path.GetTempFileName();
            try
            {
                await File.WriteAllLinesAsync(requests, scenario.Requests);
                var summary = await Wrk.RunAsync(new Uri($"http://127.0.0.1:{port}"), requests, connections, TimeSpan.FromSeconds(2), scenario, meanWaitMs);
                listener.Stop();
                await serving;
                return (summary, received.ToList());
            }
            finally
            {
                File.Delete(requests);
            }
        }
    }
}
