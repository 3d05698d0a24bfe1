using System.Net;
using System.Text.RegularExpressions;

namespace Doorstep.BenchRunner;

/// <summary>Cards' tokens, and a chapter of their sub-district's library (the first card's shelf resumes there).</summary>
internal sealed record IssuedCards(IReadOnlyList<string> Tokens, int ChapterId)
{
    public string PlayerPath(int card) => $"/listen/{Tokens[card]}/chapters/{ChapterId}";
}

/// <summary>
/// 随身听 cards made the way a cadre makes them: the area's report, members ticked, 打印 (the sheet
/// carries each card's address once). Only the token's keyed hash is stored, so a card whose token the
/// runner knows has to be issued by the app itself; the data set's generated cards cannot be opened.
/// Printing replaces a member's earlier card, so each call issues new ones.
/// </summary>
internal static partial class ListeningCards
{
    public static async Task<IssuedCards> IssueAsync(StaffSession cadre, int count)
    {
        var memberIds = new List<string>();
        for (var page = 1; memberIds.Count < count; page++)
        {
            var ids = MemberBox().Matches(await cadre.GetHtmlAsync($"/Listening/Report?page={page}")).Select(m => m.Groups[1].Value).Where(id => !memberIds.Contains(id)).ToList();
            if (ids.Count == 0)
            {
                break;
            }

            memberIds.AddRange(ids);
        }

        memberIds = memberIds.Take(count).ToList();
        if (memberIds.Count == 0)
        {
            throw new InvalidOperationException("The cadre's listening report lists nobody to give a card to.");
        }

        using var response = await cadre.PostFormAsync("/Listening/Report?handler=Print", memberIds.Select(id => new KeyValuePair<string, string>("memberIds", id)));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Printing 随身听 cards answered {(int)response.StatusCode}");
        }

        var tokens = CardAddress().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).Distinct().ToList();
        // One shelf only: the card routes allow an address 300 requests a minute.
        var shelf = await cadre.GetHtmlAsync($"/listen/{tokens[0]}");
        var chapter = ChapterLink().Match(shelf);
        return chapter.Success
            ? new IssuedCards(tokens, int.Parse(chapter.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : throw new InvalidOperationException("A card's shelf shows no chapter: the data set has no 随身听 library.");
    }

    [GeneratedRegex("name=\"memberIds\" value=\"(\\d+)\"")]
    private static partial Regex MemberBox();

    [GeneratedRegex("""<p class="url">[^<]*/listen/([A-Za-z0-9_-]{24})</p>""")]
    private static partial Regex CardAddress();

    [GeneratedRegex("""/chapters/(\d+)""")]
    private static partial Regex ChapterLink();
}
