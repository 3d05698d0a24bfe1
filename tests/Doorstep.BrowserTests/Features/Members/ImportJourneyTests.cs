using System.Text;
using Doorstep.BrowserTests.Support;
using Doorstep.Features.Members;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Members;

[Collection(SharedBrowser.Name)]
public class ImportJourneyTests(BrowserApp app)
{
    /// <summary>A valid number with full-width digits and a lower-case x, as rosters typed in Word or WPS have them.</summary>
    private static string MessyIdNumber(DateOnly birth, int sequence)
    {
        var first17 = $"310109{birth:yyyyMMdd}{sequence:D3}";
        return new string(first17.Select(c => (char)(c + 0xFEE0)).ToArray()) + char.ToLowerInvariant(IdNumber.CheckCharacter(first17));
    }

    [BrowserFact]
    public async Task A_cadre_imports_a_messy_roster_through_the_page_and_finds_the_members()
    {
        var ouyang = MessyIdNumber(new DateOnly(1939, 2, 14), 981);
        var sima = MessyIdNumber(new DateOnly(1944, 9, 9), 980);
        var roster = string.Join("\r\n",
            "张桥居民区党员名册（2026年11月）,,,,,,",
            "序号,身份证号码, 姓　名 ,入党时间,转正时间,所在支部,户籍居民区",
            $"1,{ouyang},欧阳秀兰,1963.5,1964年5月,张桥居民区第一党支部,张桥居民区",
            $"2,{sima},司马建华 ,1968-07-01,1969.7,张桥第二党支部,张桥") + "\r\n";
        await using var context = await app.NewContextAsync(width: 360, height: 780);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await app.SignInAsync(page, "zhangqiao");

        await page.GotoAsync("/Members");
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入" }).ClickAsync();
        await page.GetByLabel("选择表格文件").SetInputFilesAsync(new FilePayload
        {
            Name = "张桥名册.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(roster),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();

        await Assertions.Expect(page.GetByText("将新建 2 份档案")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看党员档案" }).ClickAsync(new() { Timeout = 30_000 });

        await page.GetByLabel("查找党员").FillAsync("oyxl");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText("欧阳秀兰")).ToBeVisibleAsync();
        await page.GetByLabel("查找党员").FillAsync("司马");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText("司马建华")).ToBeVisibleAsync();
    }
}
