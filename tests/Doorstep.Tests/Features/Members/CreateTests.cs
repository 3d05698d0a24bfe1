using System.Net;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Members;

[Collection(SharedApp.Name)]
public class CreateTests(DoorstepApp app)
{
    private async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string name, string idNumber, DateOnly birth)
    {
        var form = Forms.FieldsOf(await client.GetPageAsync("/Members/Create"));
        var branch = (await client.GetPageAsync("/Members/Create")).QuerySelectorAll("#Input_OrgUnitId option").Skip(1).First().GetAttribute("value")!;
        return form.With("Input.Name", name).With("Input.IdNumber", idNumber).With("Input.BirthDate", birth.ToString("yyyy-MM-dd"))
            .With("Input.OrgUnitId", branch).With("Input.JoinedOn", "1970-07-01").With("Input.FullMemberOn", "1971-07-01");
    }

    [Fact]
    public async Task An_area_cadre_creates_a_file_under_a_branch_of_the_area_and_finds_it_by_pinyin()
    {
        var birth = new DateOnly(1941, 3, 15);
        var cadre = await app.SignedInAsync("zhangqiao");

        var response = await cadre.PostFormAsync("/Members/Create", await FormAsync(cadre, "欧阳建华", IdNumbers.New(birth).ToLowerInvariant(), birth));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var found = await cadre.GetPageAsync("/Members?q=oyjh");
        Assert.Contains("欧阳建华", found.QuerySelectorAll(".cards .name").Select(n => n.TextContent));
        var area = await app.WithDbAsync(db => db.Members.Where(m => m.Name == "欧阳建华").Select(m => m.OrgUnit.ResidentialArea!.Name).SingleAsync());
        Assert.Equal("张桥", area);
    }

    [Fact]
    public async Task A_wrong_check_digit_and_a_birth_date_that_disagrees_are_named_at_the_ID_field()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var valid = IdNumbers.New(new DateOnly(1950, 1, 2));
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var first = await (await cadre.PostFormAsync("/Members/Create", await FormAsync(cadre, "校验甲", wrongCheck, new DateOnly(1950, 1, 2)))).ReadHtmlAsync();
        var second = await (await cadre.PostFormAsync("/Members/Create", await FormAsync(cadre, "校验乙", valid, new DateOnly(1950, 1, 3)))).ReadHtmlAsync();

        Assert.Equal("身份证号校验位不正确，请核对是否有数字输错。", first.QuerySelector("[data-valmsg-for='Input.IdNumber']")?.TextContent);
        Assert.Equal("身份证号中的出生日期是1950年1月2日，与填写的出生日期不一致。", second.QuerySelector("[data-valmsg-for='Input.IdNumber']")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "校验甲" || m.Name == "校验乙")));
    }

    [Fact]
    public async Task An_ID_number_already_on_file_elsewhere_is_refused_without_naming_whose_it_is()
    {
        var birth = new DateOnly(1945, 6, 6);
        var idNumber = IdNumbers.New(birth);
        var ruixin = await app.SignedInAsync("ruixin");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        await ruixin.PostFormAsync("/Members/Create", await FormAsync(ruixin, "重复甲", idNumber, birth));

        var page = await (await zhangqiao.PostFormAsync("/Members/Create", await FormAsync(zhangqiao, "重复乙", idNumber, birth))).ReadHtmlAsync();

        Assert.Equal("该身份证号已建档，请先查找；如档案在其他居民区，请联系街道管理员。", page.QuerySelector("[data-valmsg-for='Input.IdNumber']")?.TextContent);
        Assert.DoesNotContain("重复甲", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_cadre_cannot_create_a_file_under_another_areas_branch_by_editing_the_form()
    {
        var birth = new DateOnly(1948, 8, 8);
        var ruixinBranch = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialArea!.Name == "瑞鑫").Select(u => u.Id).FirstAsync());
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = (await FormAsync(cadre, "越界者", IdNumbers.New(birth), birth)).With("Input.OrgUnitId", ruixinBranch.ToString());

        var page = await (await cadre.PostFormAsync("/Members/Create", form)).ReadHtmlAsync();

        Assert.Equal("请选择档案所在的党组织（须在您的管理范围内）。", page.QuerySelector("[data-valmsg-for='Input.OrgUnitId']")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "越界者")));
    }
}
