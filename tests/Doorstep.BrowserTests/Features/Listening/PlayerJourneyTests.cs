using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Doorstep.BrowserTests.Support;
using Doorstep.Features.Listening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Listening;

/// <summary>A member opens their shelf from a card on a 360 px phone, listens, skips ahead, leaves, and resumes there on another phone.</summary>
[Collection(SharedBrowser.Name)]
public partial class PlayerJourneyTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_member_opens_the_shelf_from_a_card_plays_seeks_leaves_and_resumes_where_they_stopped()
    {
        var chapterId = await WaitForSpeechAsync();
        var member = await app.WithDbAsync(db => db.Members.Where(m => m.OrgUnit.ResidentialArea!.Name == "张桥").OrderBy(m => m.Id).Skip(20).Select(m => m.Id).FirstAsync());

        // The cadre prints a card.
        await using var cadre = await app.NewContextAsync();
        var desk = await cadre.NewPageAsync();
        await app.SignInAsync(desk, "zhangqiao");
        await desk.GotoAsync($"/Listening/Cards/Member/{member}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "发卡并打印" }).ClickAsync();
        var cardUrl = await desk.Locator(".url").First.InnerTextAsync();
        Assert.Matches(CardAddress(), cardUrl);

        // The member scans it.
        await using var phone = await app.NewContextAsync(Phone.Width, 740);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(cardUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("同志，您好");
        await CheckAxeAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "▶ 开始听" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("开天辟地");

        var play = page.GetByRole(AriaRole.Button, new() { Name = "▶ 播放" });
        await play.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('audio').currentTime > 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "❚❚ 暂停" }).ClickAsync();
        var before = await page.EvaluateAsync<double>("() => document.querySelector('audio').currentTime");
        await page.GetByRole(AriaRole.Button, new() { Name = "前进15秒 »" }).ClickAsync();
        var after = await page.EvaluateAsync<double>("() => document.querySelector('audio').currentTime");
        Assert.InRange(after - before, 14.5, 15.5);
        await CheckAxeAsync(page);
        await Phone.ScreenshotAsync(page, "listening-player");
        Assert.Null(await Phone.SidewaysScrollAsync(page));

        // Leaving saves where they were.
        await page.GetByRole(AriaRole.Link, new() { Name = "‹ 回到书架" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "▶ 接着听" }).First).ToBeVisibleAsync();
        var saved = await app.WithDbAsync(db => db.ListeningProgress.Where(p => p.MemberId == member && p.ChapterId == chapterId).Select(p => p.PositionSeconds).FirstAsync());
        Assert.InRange(saved, after - 1, after + 1);

        // Another phone resumes there.
        await using var other = await app.NewContextAsync(Phone.Width, 740);
        var second = await other.NewPageAsync();
        await second.GotoAsync(cardUrl);
        await second.GetByRole(AriaRole.Link, new() { Name = "▶ 接着听" }).First.ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("从上次听到的");
        var resumed = await second.EvaluateAsync<double>("() => document.querySelector('audio').currentTime");
        Assert.InRange(resumed, saved - 1, saved + 1);

        // The player's weight before audio: the HTML as sent, its stylesheet and script as gzip.
        Assert.InRange(await WeightAsync(second.Url), 1, 50 * 1024);
    }

    private async Task<int> WaitForSpeechAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var chapter = await app.WithDbAsync(db => db.StudyChapters.AsNoTracking().Where(c => c.Book.Title == "中国共产党简史" && c.Number == 1).Select(c => new { c.Id, c.SpeechState, c.AudioSeconds }).FirstAsync());
            if (chapter.SpeechState == SpeechState.Ready)
            {
                Assert.True(chapter.AudioSeconds > 20, $"the demo's first chapter speaks for {chapter.AudioSeconds} s");
                return chapter.Id;
            }

            Assert.True(DateTime.UtcNow < deadline && chapter.SpeechState != SpeechState.Failed, $"speech is {chapter.SpeechState}: are espeak-ng and lame installed?");
            await Task.Delay(500);
        }
    }

    private static async Task CheckAxeAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    private async Task<int> WeightAsync(string url)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var html = await http.GetStringAsync(url);
        var total = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (Match asset in Asset().Matches(html))
        {
            total += (await http.GetByteArrayAsync(asset.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal))).Length;
        }

        return total;
    }

    [GeneratedRegex(@"^https?://[^/]+/listen/[A-Za-z0-9_-]{24}$")]
    private static partial Regex CardAddress();

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js)/[^\"]+)\"")]
    private static partial Regex Asset();
}
