using System.Net;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Doorstep.Tests.Features.Members;

/// <summary>The member list as .xlsx: the list's filter and scope, masked unless the admin gives a reason.</summary>
[Collection(SharedApp.Name)]
public class ExportTests(DoorstepApp app)
{
    private static readonly string[] Headers =
    [
        "姓名", "性别", "民族", "出生日期", "年龄", "公民身份号码", "电话", "学历", "党员类别", "入党日期", "转正日期", "党龄",
        "所在党组织", "户籍地址", "户籍所在居民区", "居住地址", "居住所在居民区", "人户分离", "关怀需求", "状态", "备注",
    ];

    private static async Task<List<IDictionary<string, object>>> SheetOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    private static string Text(IDictionary<string, object> row, string column) => Convert.ToString(row[column]) ?? "";

    private async Task<string> IdNumberOfAsync(string name) =>
        await app.WithDbAsync(async db => app.Services.GetRequiredService<PersonalDataProtector>()
            .Decrypt(await db.Members.Where(m => m.Name == name).Select(m => m.IdNumberCipher).SingleAsync()));

    [Fact]
    public async Task An_export_by_a_Zhangqiao_cadre_holds_only_Zhangqiao_members_with_masked_numbers()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var expected = await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrgUnit.ResidentialArea!.Name == "张桥"));

        var response = await cadre.GetAsync("/Members/Export");
        var rows = await SheetOf(response);

        Assert.Equal(Headers, rows[0].Keys);
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("张桥居民区", Text(r, "所在党组织")));
        Assert.All(rows, r => Assert.Matches(@"^\*{14}[0-9X]{4}$", Text(r, "公民身份号码")));
        Assert.All(rows, r => Assert.Matches(@"^(\*{7}\d{4}|0\d{2,3}-\*{4}\d{4})?$", Text(r, "电话")));
        var yang = rows.Single(r => Text(r, "姓名") == "杨莺芳");
        Assert.Equal(new DateTime(1943, 9, 3), yang["出生日期"]);
        Assert.Equal("行动不便", Text(yang, "关怀需求"));
        Assert.DoesNotContain(await IdNumberOfAsync("杨莺芳"), rows.Select(r => Text(r, "公民身份号码")));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^党员名单-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_Zhangqiao_cadre_cannot_export_a_Ruixin_member_by_any_route()
    {
        var ruixinArea = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "瑞鑫").Select(a => a.Id).SingleAsync());
        var ruixinBranch = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ResidentialAreaId == ruixinArea).Select(u => u.Id).FirstAsync());
        var idNumber = await IdNumberOfAsync("吴德勤");
        var cadre = await app.SignedInAsync("zhangqiao");

        foreach (var query in new[] { $"?areaId={ruixinArea}", $"?orgUnitId={ruixinBranch}", $"?q={idNumber}", "?q=吴德勤", "?q=wdq" })
        {
            var rows = await SheetOf(await cadre.GetAsync("/Members/Export" + query));
            Assert.DoesNotContain(rows, r => Text(r, "姓名") == "吴德勤" || Text(r, "户籍所在居民区") == "瑞鑫" && Text(r, "所在党组织").StartsWith("瑞鑫"));
        }

        var full = await cadre.GetAsync($"/Members/FullExport?q={idNumber}");
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", full.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_members_the_filtered_list_shows()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var list = await cadre.GetPageAsync("/Members?minAge=80&need=LowVision");
        var shown = int.Parse(System.Text.RegularExpressions.Regex.Match(list.QuerySelector(".count")!.TextContent, @"\d+").Value);
        var link = list.QuerySelectorAll("a").Single(a => a.TextContent == "导出表格").GetAttribute("href")!;

        var rows = await SheetOf(await cadre.GetAsync(link));

        Assert.Equal("/Members/Export?minAge=80&need=LowVision", link);
        Assert.True(shown > 0);
        Assert.Equal(shown, rows.Count);
        Assert.All(rows, r => Assert.True(Convert.ToInt32(r["年龄"]) >= 80));
        Assert.All(rows, r => Assert.Contains("视力减弱", Text(r, "关怀需求")));
    }

    [Fact]
    public async Task Names_notes_and_addresses_that_start_like_a_formula_export_as_text()
    {
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        var birth = new DateOnly(1944, 4, 4);
        var cadre = await app.SignedInAsync("zhangqiao");
        var form = Forms.FieldsOf(await cadre.GetPageAsync("/Members/Create"));
        var branch = (await cadre.GetPageAsync("/Members/Create")).QuerySelectorAll("#Input_OrgUnitId option").Skip(1).First().GetAttribute("value")!;
        var created = await cadre.PostFormAsync("/Members/Create", form
            .With("Input.Name", formula).With("Input.IdNumber", IdNumbers.New(birth)).With("Input.BirthDate", "1944-04-04")
            .With("Input.OrgUnitId", branch).With("Input.JoinedOn", "1970-07-01").With("Input.FullMemberOn", "1971-07-01")
            .With("Input.Notes", "@SUM(1+1)*cmd|' /C calc'!A0").With("Input.ResidenceAddress", "+1+1"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var rows = await SheetOf(await cadre.GetAsync("/Members/Export?q=HYPERLINK"));

        var row = Assert.Single(rows);
        Assert.Equal("'" + formula, Text(row, "姓名"));
        Assert.StartsWith("'=", Text(row, "姓名"));
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", Text(row, "备注"));
        Assert.Equal("'+1+1", Text(row, "居住地址"));
    }

    [Fact]
    public async Task Only_the_sub_district_admin_is_offered_the_full_export()
    {
        var admin = await app.SignedInAsync("admin");
        var cadre = await app.SignedInAsync("zhangqiao");

        var adminLinks = (await admin.GetPageAsync("/Members?minAge=90")).QuerySelectorAll("main a").Select(a => a.TextContent).ToList();
        var cadreLinks = (await cadre.GetPageAsync("/Members?minAge=90")).QuerySelectorAll("main a").Select(a => a.TextContent).ToList();

        Assert.Contains("导出表格", adminLinks);
        Assert.Contains("完整导出（含完整证件号）", adminLinks);
        Assert.Contains("导出表格", cadreLinks);
        Assert.DoesNotContain("完整导出（含完整证件号）", cadreLinks);
    }

    [Fact]
    public async Task A_cadre_is_refused_the_full_export_on_every_method()
    {
        var cadre = await app.SignedInAsync("zhangqiao");

        var get = await cadre.GetAsync("/Members/FullExport");
        var post = await cadre.PostAsync("/Members/FullExport", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reason"] = "核对党员信息" }));

        Assert.StartsWith("/Accounts/AccessDenied", get.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Accounts/AccessDenied", post.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("核对")]
    public async Task The_full_export_needs_a_reason_of_5_to_200_characters(string reason)
    {
        var admin = await app.SignedInAsync("admin");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "MemberList"));

        var response = await admin.PostFormAsync("/Members/FullExport?q=杨莺芳", new Dictionary<string, string> { ["Input.Reason"] = reason });
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("5至200个字", page.QuerySelector(".field-error")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "MemberList")));
    }

    [Fact]
    public async Task The_full_export_shows_whole_numbers_and_records_who_why_what_and_how_many()
    {
        const string reason = "核对老党员慰问名单（区委组织部要求）";
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetPageAsync("/Members/FullExport?q=吴德勤");

        var response = await admin.PostFormAsync("/Members/FullExport?q=吴德勤", new Dictionary<string, string> { ["Input.Reason"] = reason });
        var rows = await SheetOf(response);

        Assert.Contains("1 人", page.QuerySelector(".facts")!.TextContent);
        var row = Assert.Single(rows);
        Assert.Equal(await IdNumberOfAsync("吴德勤"), Text(row, "公民身份号码"));
        Assert.Matches(@"^党员名单-完整-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var entry = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "MemberList" && a.UserName == "admin" && a.Action == AuditAction.Viewed)
            .OrderByDescending(a => a.Id).FirstAsync());
        var facts = AuditTrail.Read(entry.Changes).ToDictionary(c => c.Field, c => c.New);
        Assert.Equal(reason, facts["导出理由"]);
        Assert.Equal("1", facts["人数"]);
        Assert.Equal("查找“吴德勤”", facts["筛选条件"]);
        Assert.Contains("完整导出党员名单（含完整证件号与手机号）", facts.Keys);
    }

    [Fact]
    public async Task A_full_ID_number_typed_in_the_search_box_is_audited_by_its_last_four_only()
    {
        var idNumber = await IdNumberOfAsync("杨莺芳");
        var admin = await app.SignedInAsync("admin");

        await SheetOf(await admin.PostFormAsync($"/Members/FullExport?q={idNumber}", new Dictionary<string, string> { ["Input.Reason"] = "核对证件号码是否录入正确" }));

        var entry = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "MemberList" && a.UserName == "admin").OrderByDescending(a => a.Id).FirstAsync());
        Assert.DoesNotContain(idNumber, entry.Changes);
        Assert.Contains("**************" + idNumber[^4..], entry.Changes);
    }
}
