using System.Text.RegularExpressions;
using Doorstep.BrowserTests.Support;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Members;

[Collection(SharedBrowser.Name)]
public partial class AreaCadreJourneyTests(BrowserApp app)
{
    [BrowserFact]
    public async Task The_Zhangqiao_cadre_signs_in_and_leafs_through_only_Zhangqiao_members()
    {
        var expected = await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrgUnit.ResidentialArea!.Name == "张桥"));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync("zhangqiao");
        await page.GetByLabel("密码").FillAsync("Doorstep-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("您好，张桥居民区干部");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })
            .GetByRole(AriaRole.Link, new() { Name = "党员档案", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "党员档案", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"共 {expected} 人")).ToBeVisibleAsync();

        var orgUnits = new List<string>();
        for (var shown = 1; ; shown++)
        {
            // A card reads "女 · 83岁 · 党龄52年 · 张桥居民区第一党支部": the org unit follows the party age.
            foreach (var card in await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).AllInnerTextsAsync())
            {
                orgUnits.Add(OrgUnitOnCard().Match(card) is { Success: true } match ? match.Groups[1].Value : card);
            }

            var next = page.GetByRole(AriaRole.Link, new() { Name = "下一页" });
            if (await next.CountAsync() == 0 || shown > expected)
            {
                break;
            }

            await next.ClickAsync();
            await Assertions.Expect(page.GetByText($"第 {shown + 1} / ")).ToBeVisibleAsync();
        }

        Assert.Equal(expected, orgUnits.Count);
        Assert.All(orgUnits, unit => Assert.StartsWith("张桥居民区", unit, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task The_Zhangqiao_cadre_cannot_open_a_Ruixin_file_by_its_address()
    {
        var ruixinMember = await app.WithDbAsync(db => db.Members
            .Where(m => m.OrgUnit.ResidentialArea!.Name == "瑞鑫" && m.Status == MemberStatus.Normal && !m.TemporaryBranches.Any())
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "zhangqiao");

        var response = await page.GotoAsync($"/Members/Details/{ruixinMember}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("找不到这个页面");
    }

    [GeneratedRegex(@"\d+岁 · (?:党龄\d+年|预备党员) · (.+)")]
    private static partial Regex OrgUnitOnCard();
}
