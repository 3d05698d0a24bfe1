using System.Globalization;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features;

/// <summary>The home page shows the figures each feature registers, to the users its policy admits.</summary>
[Collection(SharedApp.Name)]
public class HomeTests(DoorstepApp app)
{
    [Fact]
    public async Task The_admin_sees_member_figures_then_transfers_waiting_each_linking_to_its_list()
    {
        var admin = await app.SignedInAsync("admin");

        var home = await admin.GetPageAsync("/");

        var figures = home.QuerySelectorAll(".figures li").Select(li => (Label: li.QuerySelector("span")!.TextContent, Href: li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        var month = $"/Activities/Figures?month={DateTime.UtcNow.AddHours(8):yyyy-MM}";
        Assert.Equal(
            [("名党员", "/Members"), ("名75岁以上", null), ("名视力减弱或行动不便", null), ("名人户分离", "/Members/LivesElsewhere"), ("件组织关系接转待我办理", "/Transfers?tab=Mine"),
                ("人次本月参加活动（已签到）", month), ("小时本月志愿服务", month),
                ("位党员尚未送学上门", "/HomeVisits"), ("条建言献策待答复", "/HomeVisits/FollowUps"),
                ("位党员本月用随身听学习", "/Listening/Report"), ("位党员持有随身听卡", "/Listening/Report"),
                ("个创文问题待整改", "/Inspections?tab=Open"), ("个创文问题已超期", "/Inspections?tab=Overdue"), ("个创文问题已整改待验收", "/Inspections?tab=Fixed")],
            figures);
    }

    [Fact]
    public async Task A_temporary_branch_secretary_sees_member_figures_but_none_of_transfers_they_cannot_handle()
    {
        var secretary = await app.SignedInAsync("caihong");

        var home = await secretary.GetPageAsync("/");

        var labels = home.QuerySelectorAll(".figures li span").Select(s => s.TextContent).ToList();
        Assert.Contains("名党员", labels);
        Assert.DoesNotContain("件组织关系接转待我办理", labels);
    }

    [Fact]
    public async Task A_volunteer_sees_their_own_sign_ups_hours_and_reported_spots_as_their_own_pages_count_them()
    {
        var volunteer = await app.SignedInAsync("zhiyuan");

        var home = await volunteer.GetPageAsync("/");
        var schedule = await volunteer.GetPageAsync("/Activities/Mine");
        var reported = await volunteer.GetPageAsync("/Inspections/Mine");

        var figures = home.QuerySelectorAll(".figures li").Select(li => (Count: int.Parse(li.QuerySelector("strong")!.TextContent, CultureInfo.InvariantCulture),
            Label: li.QuerySelector("span")!.TextContent, Href: li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal([("场活动已报名", "/Activities/Mine"), ("小时累计志愿服务", "/Activities/Mine"), ("个我发现的问题正在整改", "/Inspections/Mine"), ("个我发现的问题已整改", "/Inspections/Mine")],
            figures.Select(f => (f.Label, f.Href)));
        var signedUp = schedule.QuerySelectorAll("main h2").Single(h => h.TextContent == "已报名的活动").NextElementSibling!;
        var hours = decimal.Parse(schedule.QuerySelector("main p strong")!.TextContent, CultureInfo.InvariantCulture);
        var statuses = reported.QuerySelectorAll("main .cards > li .tag.soft").Select(t => t.TextContent).ToList();
        Assert.Equal(
            [signedUp.QuerySelectorAll("li").Length, (int)Math.Floor(hours), statuses.Count(t => t is "已登记" or "已派单" or "整改中" or "待改派"), statuses.Count(t => t is "已整改" or "已验收销号")],
            figures.Select(f => f.Count));
        Assert.True(hours > 0, "The demo volunteer has served.");
    }
}
