using Doorstep.BrowserTests.Support;
using Doorstep.Features.HomeVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.HomeVisits;

/// <summary>A cadre in a stairwell with no signal: what was typed survives a reload and goes out once, when the network returns.</summary>
[Collection(SharedBrowser.Name)]
public class OfflineVisitTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_cadre_at_360_px_records_a_visit_offline_and_it_is_stored_once_and_confirmed_when_the_network_returns()
    {
        var task = await app.WithDbAsync(db => db.Set<VisitTask>()
            .Where(t => t.Campaign.Title == HomeVisitsDemo.CampaignTitle && t.Status == VisitTaskStatus.Open && t.Member.OrgUnitAreaId == t.AreaId
                && db.ResidentialAreas.Any(a => a.Id == t.AreaId && a.Name == "瑞鑫"))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Member.Name }).FirstAsync());
        await using var context = await app.NewContextAsync(Phone.Width, 740);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "ruixin");
        var findings = new List<string>();

        await page.GotoAsync("/HomeVisits/Mine");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的走访", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(task.Name, new() { Exact = true })).ToBeVisibleAsync();
        await CheckAsync("我的走访");
        await page.GotoAsync($"/HomeVisits/Record/{task.Id}");
        await page.GetByLabel("已走访", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("学习心得").FillAsync("老党员说简史要读第二遍。");
        await page.GetByLabel("已教会", new() { Exact = true }).CheckAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("学习心得")).ToHaveValueAsync("老党员说简史要读第二遍。");
        await Assertions.Expect(page.GetByLabel("已走访", new() { Exact = true })).ToBeCheckedAsync();
        await CheckAsync("登记走访");

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await Assertions.Expect(page.GetByText("现在没有网络")).ToBeVisibleAsync();
        Assert.Equal(0, await VisitsAsync());

        await context.SetOfflineAsync(false);
        await page.WaitForURLAsync("**/HomeVisits/Mine");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的走访", Level = 1 })).ToBeVisibleAsync();
        // The confirmation is the page's, not taken by the outbox's own request.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记" })).ToContainTextAsync($"已登记{task.Name}的走访");

        Assert.Equal(1, await VisitsAsync());
        var visit = await app.WithDbAsync(db => db.Set<HomeVisit>().SingleAsync(v => v.TaskId == task.Id));
        Assert.Equal(("老党员说简史要读第二遍。", true, VisitOutcome.Visited), (visit.StudyNotes, visit.TaughtListening, visit.Outcome));
        Assert.Null(await Phone.SidewaysScrollAsync(page));
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        Task<int> VisitsAsync() => app.WithDbAsync(db => db.Set<HomeVisit>().CountAsync(v => v.TaskId == task.Id));

        async Task CheckAsync(string name) => findings.AddRange(await Phone.ProblemsAsync(page, name));
    }
}
