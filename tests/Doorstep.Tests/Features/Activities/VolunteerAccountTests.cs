using System.Globalization;
using System.Net;
using Doorstep.Data;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Activities;

/// <summary>Opening and closing a volunteer's phone account from the roster, through the real pages and database, within scope.</summary>
[Collection(SharedApp.Name)]
public class VolunteerAccountTests(DoorstepApp app)
{
    private Task<int> UnlinkedVolunteerAsync(string area) => app.WithDbAsync(db => db.Set<Volunteer>()
        .Where(v => v.AccountId == null && v.Active && db.ResidentialAreas.Any(a => a.Id == v.AreaId && a.Name == area))
        .OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());

    private static string Url(int id) => $"/Activities/Volunteers/Account/{id.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Staff_open_an_account_the_volunteer_sees_only_their_own_page_and_closing_it_stops_sign_in()
    {
        var id = await UnlinkedVolunteerAsync("张桥");
        var name = await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => v.Id == id).Select(v => v.Name).SingleAsync());
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var userName = $"zy-test-{id.ToString(CultureInfo.InvariantCulture)}";

        var suggested = (await zhangqiao.GetPageAsync(Url(id))).QuerySelector("input[name='Input.UserName']")!.GetAttribute("value");
        var opened = await zhangqiao.PostFormAsync(Url(id), [new("Input.UserName", userName), new("Input.Password", "")], $"{Url(id)}?handler=Open");
        var shown = await opened.ReadHtmlAsync();
        var password = shown.QuerySelector("[data-made-password]")!.TextContent;

        Assert.Equal($"zy{id.ToString(CultureInfo.InvariantCulture)}", suggested);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("no-store", opened.Headers.CacheControl?.ToString() ?? "");
        Assert.Equal(userName, shown.QuerySelector("[data-made-user-name]")!.TextContent);
        var (accountId, audited) = await app.WithDbAsync(async db => (
            await db.Set<Volunteer>().Where(v => v.Id == id).Select(v => v.AccountId).SingleAsync(),
            await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Volunteer) && e.EntityId == id.ToString(CultureInfo.InvariantCulture)
                && e.Action == AuditAction.Updated && e.Changes.Contains(nameof(Volunteer.AccountId)))));
        Assert.NotNull(accountId);
        Assert.True(audited);

        var phone = await app.SignedInAsync(userName, password);
        var mine = await phone.GetPageAsync("/Activities/Mine");
        var roster = await phone.GetAsync("/Activities/Volunteers");
        var otherRecord = await phone.GetAsync(Url(await UnlinkedVolunteerAsync("张桥")));
        Assert.Contains(name, mine.QuerySelector("main")!.TextContent);
        Assert.Contains("AccessDenied", roster.Headers.Location?.OriginalString ?? "");
        Assert.Contains("AccessDenied", otherRecord.Headers.Location?.OriginalString ?? "");

        var closed = await zhangqiao.PostFormAsync(Url(id), [], $"{Url(id)}?handler=Close");
        var signInAgain = await app.NewClient().PostFormAsync("/Accounts/SignIn", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("已关闭", (await zhangqiao.GetPageAsync(Url(id))).QuerySelector("main")!.TextContent);
        Assert.NotEqual(HttpStatusCode.Redirect, signInAgain.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => v.Id == id).Select(v => v.AccountId).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.UserClaims.AnyAsync(c => c.UserId == accountId)));
    }

    [Fact]
    public async Task A_cadre_cannot_open_an_account_for_another_areas_volunteer_by_guessing_the_id()
    {
        var zhangqiaoVolunteer = await UnlinkedVolunteerAsync("张桥");
        var ruixinVolunteer = await UnlinkedVolunteerAsync("瑞鑫");
        var ruixin = await app.SignedInAsync("ruixin");
        var userName = $"zy-guess-{zhangqiaoVolunteer.ToString(CultureInfo.InvariantCulture)}";

        var page = await ruixin.GetAsync(Url(zhangqiaoVolunteer));
        // The form's token is taken from the cadre's own volunteer's page; the post goes to the guessed id.
        var post = await ruixin.PostFormAsync(Url(ruixinVolunteer), [new("Input.UserName", userName), new("Input.Password", "")], $"{Url(zhangqiaoVolunteer)}?handler=Open");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
        Assert.Null(await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => v.Id == zhangqiaoVolunteer).Select(v => v.AccountId).SingleAsync()));
    }
}
