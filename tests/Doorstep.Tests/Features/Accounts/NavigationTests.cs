using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features.Accounts;

[Collection(SharedApp.Name)]
public class NavigationTests(DoorstepApp app)
{
    private async Task<string[]> NavigationOf(string user)
    {
        var client = await app.SignedInAsync(user);
        var home = await client.GetPageAsync("/");
        return home.QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent.Trim()).ToArray();
    }

    [Fact]
    public async Task The_sub_district_admin_sees_every_section_including_the_audit_and_accounts()
    {
        Assert.Equal(["首页", "党员档案", "组织架构", "组织关系接转", "临时党支部", "活动与志愿者", "送学上门", "随身听书库", "随身听收听情况", "创文排查", "操作日志", "账户管理"], await NavigationOf("admin"));
    }

    [Fact]
    public async Task An_area_cadre_sees_member_files_but_not_the_audit_or_accounts()
    {
        Assert.Equal(["首页", "党员档案", "组织架构", "组织关系接转", "活动与志愿者", "送学上门", "随身听收听情况", "创文排查"], await NavigationOf("zhangqiao"));
    }

    [Fact]
    public async Task A_temporary_branch_secretary_sees_member_files_and_the_branch()
    {
        Assert.Equal(["首页", "党员档案", "组织架构", "临时党支部"], await NavigationOf("caihong"));
    }

    [Fact]
    public async Task A_section_missing_from_the_navigation_is_also_closed_by_URL()
    {
        var cadre = await app.SignedInAsync("ruixin");

        var audit = await cadre.GetAsync("/Audit");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", audit.Headers.Location?.AbsolutePath);
    }
}
