using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Support;

/// <summary>
/// A 360 px phone, the narrowest screen the cadres carry. Set DOORSTEP_SCREENSHOTS to a folder to keep
/// a full-page screenshot of each page checked, for a look.
/// </summary>
public static class Phone
{
    public const int Width = 360;

    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>
    /// What a phone's user would meet on the page, for a journey to collect and find empty at its end:
    /// the page scrolling sideways, figures or names broken over lines, and axe-core's serious and
    /// critical findings. Keeps a screenshot named after the step when DOORSTEP_SCREENSHOTS is set.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var problems = new[] { await SidewaysScrollAsync(page), await BrokenWordsAsync(page) }.OfType<string>().ToList();
        var axe = await page.RunAxe();
        if (axe.Passes.Length == 0)
        {
            problems.Add($"{name}: axe-core checked nothing");
        }

        problems.AddRange(axe.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target))}"));
        return problems;
    }

    /// <summary>Why the page scrolls sideways (the elements whose right edge passes the screen's), or null when it does not.</summary>
    public static async Task<string?> SidewaysScrollAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (width <= Width)
        {
            return null;
        }

        var culprits = await page.EvaluateAsync<string[]>(
            """
            w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' → ' + Math.round(e.getBoundingClientRect().right) + ' px')
            """, Width);
        return $"{new Uri(page.Url).PathAndQuery} is {width} px wide: {string.Join("; ", culprits)}";
    }

    /// <summary>
    /// Which figures, headings and names are broken over lines (a table squeezed to 360 px breaks "25"
    /// into "2" and "5", one character a line), or null when none is: the cells of tables (th, td.num,
    /// td.who) and the names on cards.
    /// </summary>
    public static async Task<string?> BrokenWordsAsync(IPage page)
    {
        var broken = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('main th, main td.num, main td.who, main .card .name')]
                .filter(e => {
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                    return rects.some(r => r.top > rects[0].top + rects[0].height / 2);
                })
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + ' "' + e.textContent.trim().replace(/\s+/g, ' ') + '"')
            """);
        return broken.Length == 0 ? null : $"{new Uri(page.Url).PathAndQuery} breaks over lines: {string.Join("; ", broken)}";
    }

    /// <summary>Keeps a full-page screenshot when DOORSTEP_SCREENSHOTS names a folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("DOORSTEP_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{Width}.png"), FullPage = true });
        }
    }
}
