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
        wrk-json {"requests":32400,"durationUs":12000000,"bytes":430043136,"connectErrors":0,"readErrors":2,"writeErrors":1,"statusErrors":7,"timeouts":3,"latencyUs":{"mean":12100.5,"p50":9800,"p90":21000,"p95":28500,"p99":61000,"max":210550}}
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
    public void Output_without_the_summary_line_is_an_error_rather_than_zero_requests()
    {
        var plain = Output[..Output.IndexOf("wrk-json", StringComparison.Ordinal)];

        Assert.Throws<FormatException>(() => Wrk.Parse(plain));
    }
}
