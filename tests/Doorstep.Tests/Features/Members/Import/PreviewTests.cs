using System.Text;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>What the preview page and its progress answer say once a pass is over.</summary>
[Collection(SharedApp.Name)]
public class PreviewTests(DoorstepApp app)
{
    [Fact]
    public async Task A_finished_check_and_a_finished_import_say_their_outcome_not_rows_being_checked()
    {
        var newcomer = IdNumbers.New(new DateOnly(1948, 4, 9));
        var roster = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "姓名,身份证号,转正日期,所在党组织",
            $"结果测试甲,{newcomer},1972-07-01,张桥居民区第一党支部") + "\r\n");
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("结果.csv", roster);
        var checkedOnly = await cadre.WaitForImportAsync(preview);
        await cadre.ConfirmImportAsync(preview);
        var imported = await cadre.WaitForImportAsync(preview);
        var page = await cadre.GetPageAsync(preview);

        Assert.Equal("检查通过：共 1 行，将新建 1 份档案，更新 0 份。", checkedOnly.Text);
        Assert.Equal("导入完成：新建 1 份档案，更新 0 份档案。", imported.Text);
        Assert.Equal(imported.Text, page.QuerySelector(".success")!.TextContent);
        Assert.DoesNotContain("正在", page.QuerySelector("main")!.TextContent);
    }
}
