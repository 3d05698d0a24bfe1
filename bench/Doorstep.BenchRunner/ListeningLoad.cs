using System.Globalization;
using System.Text.RegularExpressions;

namespace Doorstep.BenchRunner;

/// <summary>
/// 随身听 under load (issue 12): phones saving their place, as 10,000 members listening at once do
/// (one save every 15 s: ≥ 700 a second at p95 ≤ 50 ms, 0 errors). Each request is a player's save,
/// POST /listen/{token}/chapters/{id}?handler=Progress with the JSON the player sends, from cards the
/// cadre has just printed (tokens are stored only as a keyed hash: the app must issue them).
/// Besides the usual 8 and 32 connections, which find the most it can take, the budget is judged
/// as the phones make it: 1,000 connections, each waiting a random 0–2.4 s (1.2 s on average)
/// before each save, about 830 a second when answers are quick, fewer as they slow down.
/// </summary>
internal static partial class ListeningLoad
{
    public const string ScenarioId = "listening.progress-save";

    /// <summary>Cards in rotation, one per phone, so that two saves of one member's row seldom meet.</summary>
    private const int Cards = 1000;

    public static readonly LoadScenario.Phones Phones = new(Cards, MeanWaitMs: 1200);

    /// <summary>
    /// Every simulated phone comes from the loopback address, where in production each has its own
    /// (behind nginx, X-Forwarded-For). The card routes' limiter still runs for every request; only its
    /// per-address allowance (300 a minute) is raised so that it does not stand for 10,000 phones.
    /// </summary>
    public static void Configure(IDictionary<string, string> environment) =>
        environment["Listening__CardRequestsPerMinute"] = "10000000";

    public static async Task<IReadOnlyList<LoadScenario>> ScenariosAsync(StaffSession cadre)
    {
        var cards = await ListeningCards.IssueAsync(cadre, Cards);
        // A position no card shows before the load: the check then proves the saves were stored.
        var before = await PositionAsync(cadre, cards, 0);
        var position = before == 37.5 ? 38.5 : 37.5;
        var body = string.Create(CultureInfo.InvariantCulture, $$"""{"position":{{position}},"listened":10,"completed":false}""");
        var requests = cards.Tokens.Select((_, i) => LoadScenario.Post(cards.PlayerPath(i) + "?handler=Progress", body)).ToList();
        return
        [
            new(ScenarioId, "随身听进度保存 POST /listen/卡/chapters/编号（持卡人，JSON）", requests, null, LoadScenario.Json)
            {
                Paced = Phones,
                Answer = "204",
                Check = async () =>
                {
                    var after = await PositionAsync(cadre, cards, cards.Tokens.Count - 1);
                    return after == position ? null : $"the last card's player shows position {after}, not the {position} its saves sent";
                },
            },
        ];
    }

    /// <summary>Where a card's player would resume the chapter (its data-position).</summary>
    private static async Task<double> PositionAsync(StaffSession session, IssuedCards cards, int card)
    {
        var match = DataPosition().Match(await session.GetHtmlAsync(cards.PlayerPath(card)));
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    [GeneratedRegex("data-position=\"([0-9.]+)\"")]
    private static partial Regex DataPosition();
}
