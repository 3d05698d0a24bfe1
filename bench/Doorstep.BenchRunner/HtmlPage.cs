using System.Net;
using System.Text.RegularExpressions;

namespace Doorstep.BenchRunner;

/// <summary>The little the runner reads from the app's HTML: form tokens, select options, and the stylesheets and scripts a page loads.</summary>
internal static partial class HtmlPage
{
    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["value"].Value)
            : throw new InvalidOperationException("the page has no antiforgery token");

    /// <summary>The values of a select's options that are set (skipping "请选择…").</summary>
    public static IReadOnlyList<string> OptionValues(string html, string selectName)
    {
        var select = Regex.Match(html, $"<select[^>]*name=\"{Regex.Escape(selectName)}\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline);
        return select.Success
            ? OptionValue().Matches(select.Groups["options"].Value).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).Where(v => v.Length > 0).ToList()
            : [];
    }

    /// <summary>Stylesheets and scripts, in page order, each once, as the paths the page names them by.</summary>
    public static IReadOnlyList<string> Assets(string html) =>
        Stylesheet().Matches(html).Concat(Script().Matches(html))
            .OrderBy(m => m.Index)
            .Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<option[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex OptionValue();

    [GeneratedRegex("<link(?=[^>]*rel=\"stylesheet\")[^>]*href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script[^>]*src=\"(?<href>[^\"]+)\"")]
    private static partial Regex Script();
}
