using System.Text;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>Rosters as areas really keep them: dates to the month, 居委 columns, landlines, every problem of a row at once.</summary>
[Collection(SharedApp.Name)]
public class ImportRulesTests(DoorstepApp app)
{
    private PersonalDataProtector Protector => app.Services.GetRequiredService<PersonalDataProtector>();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private Task<Member> FileAsync(string idNumber) =>
        app.WithDbAsync(db => db.Members.Include(m => m.RegisteredArea).Include(m => m.ResidenceArea).SingleAsync(m => m.IdNumberHash == Protector.Hash(idNumber)));

    [Fact]
    public async Task Birth_dates_to_the_month_take_their_day_from_the_ID_number_and_居委_columns_keep_人户分离()
    {
        var may = IdNumbers.New(new DateOnly(1938, 5, 17));
        var march = IdNumbers.New(new DateOnly(1942, 3, 9), male: false);
        var october = IdNumbers.New(new DateOnly(1950, 10, 20));
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("月份.csv", Csv(
            "姓名,身份证号,出生年月,入党日期,转正日期,所在支部,户籍居委,居住居委会,联系电话,籍贯",
            $"月份甲,{may},1938.5,1960.10,1961.10,张桥第一党支部,张桥,瑞鑫居委,021-65431234,浙江",
            $"月份乙,{march},1942年3月,1965.3,1966.3,张桥第一党支部,张桥居委会,张桥,(021)6543 5678 转 8,江苏",
            // Turned 18 on 1968-10-20: joining in "1968.10" is that month, not a day too early.
            $"月份丙,{october},1950.1,1968.10,1969.10,张桥第一党支部,张桥,,13800138001,上海"));
        var page = await cadre.GetPageAsync(preview);

        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Contains("将新建 3 份档案", page.QuerySelector(".success")!.TextContent);
        var notes = page.QuerySelectorAll(".notice").Select(n => n.TextContent).ToList();
        Assert.Contains(notes, n => n.Contains("籍贯") && n.Contains("不会导入"));
        Assert.Contains(notes, n => n.Contains("入党日期（D列）有 3 行只写到月份") && n.Contains("记为当月1日"));
        Assert.Contains(notes, n => n.Contains("转正日期（E列）有 3 行只写到月份"));

        await cadre.ConfirmImportAsync(preview);

        var mayFile = await FileAsync(may);
        Assert.Equal(new DateOnly(1938, 5, 17), mayFile.BirthDate);
        Assert.Equal(("张桥", "瑞鑫", true), (mayFile.RegisteredArea!.Name, mayFile.ResidenceArea!.Name, mayFile.LivesElsewhere));
        Assert.Equal(("021", "1234", Protector.Hash("02165431234")), (mayFile.PhoneAreaCode, mayFile.PhoneTail, mayFile.PhoneHash));
        var marchFile = await FileAsync(march);
        Assert.Equal((new DateOnly(1942, 3, 9), new DateOnly(1965, 3, 1)), (marchFile.BirthDate, marchFile.JoinedOn));
        Assert.Equal("021-65435678-8", Protector.Decrypt(marchFile.PhoneCipher!));
        var octoberFile = await FileAsync(october);
        Assert.Equal((new DateOnly(1950, 10, 20), new DateOnly(1968, 10, 1)), (octoberFile.BirthDate, octoberFile.JoinedOn));
    }

    [Fact]
    public async Task A_row_shows_every_problem_at_once_and_an_unknown_area_and_an_unused_column_are_reported()
    {
        var id = IdNumbers.New(new DateOnly(1947, 6, 1));
        var cadre = await app.SignedInAsync("zhangqiao");

        var preview = await cadre.UploadRosterAsync("问题.csv", Csv(
            "姓名,身份证号,出生日期,入党日期,转正日期,所在支部,户籍居委,居住居委,手机,籍贯",
            $"问\u202E题,{id},1947-07-01,1975-07-01,1974-07-01,张桥第一党支部,张桥,火星,12345,浙江",
            $"一九五零,{IdNumbers.New(new DateOnly(1950, 3, 3))},1950.1,1975-07-01,1976-07-01,张桥第一党支部,,,,浙江"));
        var page = await cadre.GetPageAsync(preview);

        var problems = page.QuerySelectorAll(".problems tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();
        Assert.Contains(problems, p => p.StartsWith("第2行|姓名（A列）|", StringComparison.Ordinal) && p.Contains("U+202E"));
        Assert.Contains(problems, p => p.StartsWith("第2行|身份证号（B列）|身份证号中的出生日期是1947年6月1日", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第2行|转正日期（E列）|转正日期应在入党日期之后", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第2行|居住居委（H列）|本街道没有“火星”居民区", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("第2行|手机（I列）|电话号码应为", StringComparison.Ordinal));
        // 1950.1 is January or October; this ID number says March, so neither: the ambiguity is reported.
        Assert.Contains(problems, p => p.StartsWith("第3行|出生日期（C列）|“1950.1”可能是1950年1月", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("籍贯"));
    }
}
