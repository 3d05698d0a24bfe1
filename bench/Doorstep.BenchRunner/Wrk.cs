using System.Globalization;
using System.Text.Json;

namespace Doorstep.BenchRunner;

/// <summary>wrk, the HTTP load tool (Debian package wrk), driven by wrk/rotate.lua.</summary>
internal static class Wrk
{
    private const string Marker = "wrk-json ";
    private static int runs;

    public sealed record Summary(
        long Requests, long DurationUs, long Bytes, long ConnectErrors, long ReadErrors, long WriteErrors, long StatusErrors, long Timeouts, Latency LatencyUs,
        IReadOnlyDictionary<string, long>? Answers)
    {
        public double Seconds => DurationUs / 1_000_000.0;

        public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests / Seconds;

        /// <summary>Connections that failed or broke; a non-2xx/3xx answer is counted apart, in StatusErrors.</summary>
        public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

        /// <summary>
        /// The answers that were not <paramref name="expected"/> (a status, and for a redirect where it led,
        /// as rotate.lua counts them), said in one line; null when every answer was the expected one.
        /// </summary>
        public string? Unexpected(string expected)
        {
            if (Answers is null || Answers.Count == 0)
            {
                return Requests == 0 ? null : "wrk's summary does not say what the requests were answered with";
            }

            var others = Answers.Where(a => a.Key != expected).OrderByDescending(a => a.Value).ToList();
            var total = Answers.Values.Sum();
            return others.Count == 0
                ? null
                : string.Join("; ", others.Select(a => $"{Format.Number(a.Value)} of {Format.Number(total)} answers were \"{a.Key}\"")) + $", not \"{expected}\": the load measured something else";
        }
    }

    public sealed record Latency(double Mean, long P50, long P90, long P95, long P99, long Max);

    /// <summary>
    /// Loads the app with the requests in <paramref name="requestsFile"/>, in turn, for a fixed time, as the
    /// scenario's user; with <paramref name="meanWaitMs"/>, each connection waits a random time before each request.
    /// </summary>
    public static async Task<Summary> RunAsync(Uri address, string requestsFile, int connections, TimeSpan duration, LoadScenario scenario, int? meanWaitMs = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "wrk", meanWaitMs is null ? "rotate.lua" : "paced.lua");
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var arguments = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            "-s", script,
        };
        // As its proxy forwards every request (see StaffSession).
        arguments.AddRange(["-H", "X-Forwarded-Proto: https"]);
        if (scenario.As is not null)
        {
            arguments.AddRange(["-H", "Cookie: " + scenario.As.CookieHeader]);
        }

        if (scenario.ContentType is not null)
        {
            arguments.AddRange(["-H", "Content-Type: " + scenario.ContentType]);
        }

        // A new run number each time, so that the {n} and {uuid} of one load never repeat another's.
        var run = Interlocked.Increment(ref runs) + (Environment.ProcessId % 10_000 * 1_000);
        arguments.AddRange([address.ToString().TrimEnd('/'), "--", requestsFile, run.ToString(CultureInfo.InvariantCulture)]);
        if (meanWaitMs is { } wait)
        {
            arguments.Add(wait.ToString(CultureInfo.InvariantCulture));
        }

        var outcome = await ChildProcess.RunAsync("wrk", arguments, new Dictionary<string, string>(), echo: false);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({outcome.ExitCode}): {outcome.Output}");
        }

        return Parse(outcome.Output);
    }

    /// <summary>Reads the JSON line rotate.lua prints at the end of wrk's own report.</summary>
    internal static Summary Parse(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new FormatException("wrk printed no summary line (is bench/wrk/rotate.lua in use?)");
        return JsonSerializer.Deserialize<Summary>(line[Marker.Length..], ResultFiles.Json)
            ?? throw new FormatException("wrk's summary line is empty");
    }
}
