using Doorstep.BrowserTests.Support;
using Doorstep.Features.HomeVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.HomeVisits;

/// <summary>送学上门 as the Zhangqiao cadre reads it on a 360 px phone: cards, not tables squeezed one character a line.</summary>
[Collection(SharedBrowser.Name)]
public class CadrePhonePagesTests(BrowserApp app)
{
    [BrowserFact]
    public async Task The_cadres_visit_pages_at_360_px_keep_figures_and_names_whole_and_call_and_record_with_big_buttons()
    {
        var campaign = await app.WithDbAsync(db => db.Set<VisitCampaign>().Where(c => c.Title == HomeVisitsDemo.CampaignTitle).Select(c => c.Id).SingleAsync());
        var area = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).SingleAsync());
        await using var context = await app.NewContextAsync(Phone.Width, 740);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "zhangqiao");
        var findings = new List<string>();

        await page.GotoAsync("/HomeVisits/Mine");
        var card = page.Locator("main .visit-card").First;
        var call = card.GetByRole(AriaRole.Link, new() { NameRegex = new("^拨打") });
        Assert.StartsWith("tel:", await call.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.True((await call.BoundingBoxAsync())!.Height >= 44, "The call button is a thumb's target.");
        Assert.True((await card.GetByRole(AriaRole.Link, new() { NameRegex = new("^登记走访") }).BoundingBoxAsync())!.Height >= 44);
        await CheckAsync("我的走访");

        await page.GotoAsync($"/HomeVisits/Details/{campaign}");
        await Assertions.Expect(page.Locator("table.coverage tbody th").First).ToHaveTextAsync("张桥居民区");
        await CheckAsync("覆盖情况");
        await page.GotoAsync($"/HomeVisits/Outstanding/{campaign}");
        await CheckAsync("未走访名单");
        await page.GotoAsync($"/HomeVisits/Ledger/{campaign}/{area}");
        await CheckAsync("走访台账");
        await page.GotoAsync("/HomeVisits/FollowUps");
        await Assertions.Expect(page.Locator("main .card")).Not.ToHaveCountAsync(0);
        await CheckAsync("建言献策跟进");

        Assert.True(findings.Count == 0, string.Join("\n", findings));

        async Task CheckAsync(string name) => findings.AddRange(await Phone.ProblemsAsync(page, name));
    }
}
