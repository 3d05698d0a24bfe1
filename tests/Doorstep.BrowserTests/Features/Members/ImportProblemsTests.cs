using System.Text;
using Doorstep.BrowserTests.Support;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Members;

/// <summary>The problems of a checked roster, read on a phone: each row a small labelled card, nothing off the screen.</summary>
[Collection(SharedBrowser.Name)]
public class ImportProblemsTests(BrowserApp app)
{
    [BrowserFact]
    public async Task On_a_360_px_phone_each_problem_is_a_labelled_card_and_the_page_does_not_scroll_sideways()
    {
        var roster = string.Join("\r\n",
            "姓名,身份证号码,入党日期,转正日期,所在党组织,居住地址",
            "问题甲,11010519491231002,1970.7,1971.7,张桥居民区第一党支部,虹口区张桥路一百二十八弄七十六号三零二室（请核对门牌号码是否与户口簿一致）",
            "问题乙,310109195003040012,2090.1,1971.7,不存在的党支部名称很长很长很长很长很长很长很长很长,虹口区张桥路90号") + "\r\n";
        await using var context = await app.NewContextAsync(width: Phone.Width, height: 780);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "zhangqiao");

        await page.GotoAsync("/Members/Import");
        await page.GetByLabel("选择表格文件").SetInputFilesAsync(new FilePayload
        {
            Name = "有问题的名册.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(roster),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        var problems = page.Locator("table.problems");
        await Assertions.Expect(problems).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Phone.ScreenshotAsync(page, "Members-Import-Problems");

        Assert.Null(await Phone.SidewaysScrollAsync(page));
        var firstRow = problems.Locator("tbody tr").First;
        // A card, not a table row: its cells are laid out one a line.
        Assert.NotEqual("table-row", await firstRow.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Null(await Phone.BrokenWordsAsync(page));
        Assert.Equal("行：", await firstRow.Locator("td").First.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content.replaceAll('\"', '')"));
    }
}
