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
}
