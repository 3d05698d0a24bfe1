using System.Text;
using Doorstep.Features.Members.Import;

namespace Doorstep.Tests.Features.Members.Import;

public class RosterHeaderTests
{
    [Theory]
    [InlineData("姓名", RosterField.Name)]
    [InlineData("出生年月", RosterField.BirthDate)]
    [InlineData("公民身份号码", RosterField.IdNumber)]
    [InlineData("身份证号", RosterField.IdNumber)]
    [InlineData("身份证号码", RosterField.IdNumber)]
    [InlineData("联系电话", RosterField.Phone)]
    [InlineData("入党时间", RosterField.JoinedOn)]
    [InlineData("转正时间", RosterField.FullMemberOn)]
    [InlineData("类别", RosterField.Category)]
    [InlineData("所在支部", RosterField.OrgUnit)]
    [InlineData("党支部", RosterField.OrgUnit)]
    [InlineData("户籍所在居民区", RosterField.RegisteredArea)]
    [InlineData("现住址", RosterField.ResidenceAddress)]
    [InlineData("居住居民区", RosterField.ResidenceArea)]
    [InlineData(" 姓 名 ", RosterField.Name)]
    [InlineData("姓　名", RosterField.Name)]
    [InlineData("*姓名", RosterField.Name)]
    [InlineData("身份证号*", RosterField.IdNumber)]
    [InlineData("出生日期（年月日）", RosterField.BirthDate)]
    [InlineData("出生日期(yyyy-mm-dd)", RosterField.BirthDate)]
    [InlineData("手机号【必填】", RosterField.Phone)]
    public void A_header_is_known_by_any_of_its_usual_names_however_it_is_typed(string header, RosterField field) =>
        Assert.Equal(field, RosterHeader.Match(header));

    [Theory]
    [InlineData("序号")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_columns_match_nothing(string? header) => Assert.Null(RosterHeader.Match(header));

    [Fact]
    public void The_header_is_the_first_row_below_the_title_rows_that_names_three_known_columns()
    {
        var csv = "嘉兴路街道张桥居民区党员名册,,,\r\n制表日期：2026年11月,,,\r\n\r\n序号,身份证号,姓名,出生年月\r\n1,310109194103150000,王芳,1941.3\r\n";
        var rows = new RosterReader(Encoding.UTF8.GetBytes(csv), RosterFormat.Csv, Encoding.UTF8).Rows().ToList();

        var found = rows.Select(r => RosterHeader.TryRead(r, out _)).First(h => h is not null)!;

        Assert.Equal(4, found.RowNumber);
        Assert.Equal(new Dictionary<RosterField, int> { [RosterField.IdNumber] = 1, [RosterField.Name] = 2, [RosterField.BirthDate] = 3 }, found.Columns);
        Assert.Equal(["序号"], found.Ignored);
        Assert.Equal("身份证号（B列）", found.Describe(RosterField.IdNumber));
    }

    [Fact]
    public void Two_columns_for_one_field_and_a_missing_ID_column_are_reported()
    {
        RosterHeader.TryRead(new RosterRow(1, ["姓名", "身份证号", "身份证号码", "出生日期"]), out var twice);
        RosterHeader.TryRead(new RosterRow(1, ["姓名", "出生日期", "入党日期"]), out var noId);

        Assert.Equal("表头中“身份证号”和“身份证号码”是同一项内容，请只保留一列", twice);
        Assert.Equal("表格须有“姓名”和“公民身份号码”（或“身份证号”）两列", noId);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Columns_are_lettered_as_in_Excel(int index, string letter) => Assert.Equal(letter, RosterHeader.ColumnLetter(index));
}
