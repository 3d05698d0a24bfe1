using System.Net;

namespace Doorstep.BenchRunner;

/// <summary>
/// One page or action under load: its requests, sent in turn, as whom (null: no cookie, e.g. a card
/// token in the path). A request is a path (a GET) or a line made by <see cref="Post"/>; {n} and
/// {uuid} in it become values unique to each request (see wrk/rotate.lua), for idempotency keys.
/// </summary>
internal sealed record LoadScenario(string Id, string Title, IReadOnlyList<string> Requests, StaffSession? As, string? ContentType = null)
{
    public const string Form = "application/x-www-form-urlencoded", Json = "application/json";

    /// <summary>
    /// What every request must be answered with: a status, and for a redirect where it leads
    /// ("302 /HomeVisits/Mine"). A form the app refused answers 200 and a signed-out page redirects to
    /// the sign-in page, both successes to wrk; any other answer makes the load a problem of the run.
    /// </summary>
    public string Answer { get; init; } = "200";

    /// <summary>Run after each load: a problem to report, or null; for a write, proof that its writes were stored.</summary>
    public Func<Task<string?>>? Check { get; init; }

    /// <summary>Also run as this many phones, each waiting a random time before each request (wrk/paced.lua).</summary>
    public Phones? Paced { get; init; }

    /// <summary>Phones sending at their own pace: about Count ÷ (MeanWaitMs + latency) requests a second.</summary>
    public sealed record Phones(int Count, int MeanWaitMs);

    public static string Post(string path, string body) => $"POST {path}\t{body}";

    /// <summary>A form body, URL-encoded, with {n} and {uuid} left for wrk to fill in.</summary>
    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => WebUtility.UrlEncode(f.Key) + "=" + WebUtility.UrlEncode(f.Value)))
            .Replace("%7Bn%7D", "{n}", StringComparison.Ordinal)
            .Replace("%7Buuid%7D", "{uuid}", StringComparison.Ordinal);
}
