using System.Net;
using Doorstep.Features.Listening;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Listening;

/// <summary>A card opens one member's shelf and nothing else, and stops when the cadre says so.</summary>
[Collection(SharedApp.Name)]
public class CardTests(DoorstepApp app)
{
    [Fact]
    public async Task A_card_opens_its_own_members_shelf_writes_only_their_progress_and_stops_when_revoked()
    {
        var mine = await app.FirstOfAreaAsync("张桥", skip: 30);
        var other = await app.FirstOfAreaAsync("张桥", skip: 31);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var shelf = await zhangqiao.IssueCardAsync(mine);
        var otherShelf = await zhangqiao.IssueCardAsync(other);
        var names = await app.WithDbAsync(db => db.Members.Where(m => m.Id == mine || m.Id == other).ToDictionaryAsync(m => m.Id, m => m.Name));
        var chapter = await app.DemoChapterAsync("中国共产党简史", 2);

        var phone = app.NewClient();
        var page = await phone.GetAsync(shelf);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"{GivenName.Of(names[mine])}同志，您好", html, StringComparison.Ordinal);
        Assert.DoesNotContain(names[mine], html, StringComparison.Ordinal);
        Assert.DoesNotContain(names[other], html, StringComparison.Ordinal);
        Assert.Contains("《中国共产党简史》", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, chapter, 33, 30)).StatusCode);
        var saved = await app.WithDbAsync(db => db.ListeningProgress.Where(p => p.ChapterId == chapter && (p.MemberId == mine || p.MemberId == other)).Select(p => p.MemberId).ToListAsync());
        Assert.Equal([mine], saved);
        // The other card's player does not start where this member stopped.
        var otherPlayer = await (await phone.GetAsync($"{otherShelf}/chapters/{chapter}")).Content.ReadAsStringAsync();
        Assert.Contains("data-position=\"0\"", otherPlayer, StringComparison.Ordinal);
        // The card signs nothing else in: staff pages still want a password.
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Members/Index")).StatusCode);

        var revoke = await zhangqiao.PostFormAsync($"/Listening/Cards/Member/{mine}", [], $"/Listening/Cards/Member/{mine}?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(shelf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.SaveProgressAsync(shelf, chapter, 50, 10)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(otherShelf)).StatusCode);

        // A replacement card works and the one it replaced does not.
        var replacement = await zhangqiao.IssueCardAsync(other);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(replacement)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(otherShelf)).StatusCode);
        var hashes = await app.WithDbAsync(db => db.ListeningCards.Where(c => c.MemberId == other).Select(c => c.TokenHash).ToListAsync());
        Assert.DoesNotContain(hashes, h => replacement.Contains(h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_guessed_token_reveals_nothing_and_an_address_that_keeps_guessing_is_refused()
    {
        var guesser = System.Net.IPAddress.Parse("203.0.113.77");
        var statuses = new List<int>();
        string? body = null;
        for (var i = 0; i < CardGuesses.Allowed + 2; i++)
        {
            var context = await app.Server.SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = $"/listen/{CardToken.New()}";
                c.Connection.RemoteIpAddress = guesser;
            });
            statuses.Add(context.Response.StatusCode);
            body ??= await new StreamReader(context.Response.Body).ReadToEndAsync();
        }

        Assert.All(statuses.Take(CardGuesses.Allowed), s => Assert.Equal(StatusCodes.Status404NotFound, s));
        Assert.All(statuses.Skip(CardGuesses.Allowed), s => Assert.Equal(StatusCodes.Status429TooManyRequests, s));
        Assert.DoesNotContain("同志", body!, StringComparison.Ordinal);
        Assert.DoesNotContain("书架", body!, StringComparison.Ordinal);
        // Another address is not held back by the guesser.
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/listen/short")).StatusCode);
    }

    [Fact]
    public void A_token_carries_at_least_128_random_bits()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => CardToken.New()).ToHashSet();
        Assert.Equal(100, tokens.Count);
        Assert.True(CardToken.Bytes * 8 >= 128);
        Assert.All(tokens, t => Assert.True(CardToken.LooksValid(t)));
    }
}
