using System.Text;
using Doorstep.Features.Members;
using Doorstep.Features.Members.Import;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>How a messy row is tidied: full-width characters, stray spaces, a lower-case x, names of areas and branches.</summary>
public class RosterEntryTests
{
    private static readonly RosterNames Names = new(
        [new Choice(1, "张桥居民区"), new Choice(2, "瑞鑫居民区")],
        [new Choice(10, "张桥居民区党总支"), new Choice(11, "张桥居民区第一党支部"), new Choice(12, "张桥居民区第二党支部")],
        [new Choice(10, "张桥居民区党总支"), new Choice(11, "张桥居民区第一党支部"), new Choice(12, "张桥居民区第二党支部"), new Choice(20, "瑞鑫居民区第一党支部")]);

    private static RosterEntry Read(params (string Header, object? Cell)[] cells)
    {
        var header = RosterHeader.TryRead(new RosterRow(1, [.. cells.Select(c => (object?)c.Header), "姓名", "性别", "民族"]), out _)!;
        return RosterEntry.Read(new RosterRow(2, [.. cells.Select(c => c.Cell)]), header, Names);
    }

    [Theory]
    [InlineData("３１０１０９１９４１０３１５９０１ｘ", "31010919410315901X")]
    [InlineData("31010919410315901x", "31010919410315901X")]
    [InlineData(" 310109 19410315 901X ", "31010919410315901X")]
    [InlineData("310109\u300019410315901X", "31010919410315901X")]
    public void An_ID_number_is_read_half_width_without_spaces_and_with_a_capital_X(string cell, string expected) =>
        Assert.Equal(expected, Read(("身份证号", cell)).IdNumber);

    [Fact]
    public void An_ID_number_Excel_stored_as_a_number_is_reported_because_its_last_digits_are_lost()
    {
        var entry = Read(("身份证号", 3.10109194103159E+17));

        Assert.Null(entry.IdNumber);
        Assert.Contains("被 Excel 存成了数字", Assert.Single(entry.Problems).Message);
    }

    [Theory]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("＋８６１３８００１３８０００", "13800138000")]
    public void A_phone_is_read_as_its_eleven_digits(string cell, string expected) => Assert.Equal(expected, Read(("手机", cell)).Phone);

    [Fact]
    public void A_phone_typed_as_a_number_keeps_all_its_digits() => Assert.Equal("13800138000", Read(("手机", 13800138000d)).Phone);

    [Theory]
    [InlineData("王　芳", "王芳")]
    [InlineData(" 王 芳 ", "王芳")]
    [InlineData("王芳", "王芳")]
    [InlineData("阿依古丽·买买提", "阿依古丽·买买提")]
    [InlineData("John  Smith", "John Smith")]
    public void A_name_padded_with_spaces_to_line_up_is_closed_up(string cell, string expected) =>
        Assert.Equal(expected, Read(("姓名 ", cell)).Name);

    [Theory]
    [InlineData("张桥", 1)]
    [InlineData("张桥居民区", 1)]
    [InlineData("张桥居委会", 1)]
    [InlineData("张 桥", 1)]
    [InlineData("瑞鑫居委", 2)]
    public void An_area_is_matched_with_or_without_juminqu(string cell, int id) => Assert.Equal(id, Read(("居住居民区", cell)).ResidenceAreaId);

    [Theory]
    [InlineData("张桥居民区第一党支部", 11)]
    [InlineData("张桥第一党支部", 11)]
    [InlineData("张桥居民区第一支部", 11)]
    [InlineData("第二党支部", 12)]
    [InlineData("张桥党总支", 10)]
    [InlineData("党总支", 10)]
    public void A_branch_is_matched_by_full_or_shortened_name(string cell, int id) => Assert.Equal(id, Read(("所在党组织", cell)).OrgUnitId);

    [Theory]
    [InlineData("瑞鑫居民区第一党支部", "“瑞鑫居民区第一党支部”不在您的管理范围内")]
    [InlineData("党支部", "“党支部”对应多个党组织，请写全称")]
    [InlineData("张桥第九党支部", "找不到党组织“张桥第九党支部”")]
    public void A_branch_outside_the_scope_or_unclear_or_unknown_is_reported(string cell, string problem) =>
        Assert.Equal(problem, Assert.Single(Read(("所在党组织", cell)).Problems).Message);

    [Fact]
    public void Care_needs_split_on_any_list_mark_and_labels_map_to_their_values()
    {
        var entry = Read(("关怀需求", "视力减弱、独居，行动不便,听力减弱；会用智能手机"), ("状态", "失联党员"), ("党员类别", "预备"), ("民族", "回"));

        Assert.Equal([CareNeeds.LowVision, CareNeeds.LivesAlone, CareNeeds.LimitedMobility, CareNeeds.HardOfHearing, CareNeeds.UsesSmartphone], entry.CareNeeds);
        Assert.Equal((MemberStatus.LostContact, MemberCategory.Probationary, "回族"), (entry.Status, entry.Category, entry.Ethnicity));
    }

    [Fact]
    public void A_new_files_blank_birth_date_and_gender_are_read_from_the_ID_number()
    {
        var entry = Read(("身份证号", "31010919410315902" + IdNumber.CheckCharacter("31010919410315902")));
        var input = new MemberInput();
        entry.ApplyTo(input);

        entry.FillFromIdNumber(input);

        Assert.Equal((new DateOnly(1941, 3, 15), Gender.Female), (input.BirthDate, input.Gender));
    }

    [Fact]
    public void Quoted_CSV_fields_may_hold_commas_quotes_and_line_breaks_and_blank_lines_keep_their_row_numbers()
    {
        var csv = "姓名,备注\r\n\r\n\"王,芳\",\"说“好”，\"\"引号\"\"\r\n第二行\"\r\n李四,";
        var rows = new RosterReader(Encoding.UTF8.GetBytes(csv), RosterFormat.Csv, Encoding.UTF8).Rows().ToList();

        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal(["王,芳", "说“好”，\"引号\"\r\n第二行"], rows[2].Cells);
        Assert.Equal(["李四", ""], rows[3].Cells);
    }
}
