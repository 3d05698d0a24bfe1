using MiniExcelLibs;

namespace Doorstep.Features.Members.Import;

/// <summary>The downloadable template: the header row, one fictional example row, and a sheet of instructions.</summary>
public static class RosterTemplate
{
    public const string FileName = "党员档案导入模板.xlsx";

    /// <summary>The example row's ID number (valid, fictional). A row that still holds it is reported, never imported.</summary>
    public static readonly string ExampleIdNumber = WithCheck("31010919510315009");

    private static readonly (RosterField Field, string Example, string Rule)[] Columns =
    [
        (RosterField.Name, "张三（示例，请删除此行）", "必填，不超过50个字"),
        (RosterField.Gender, "男", "男 或 女；不填则按身份证号判断"),
        (RosterField.Ethnicity, "汉族", "不填则为汉族"),
        (RosterField.BirthDate, "1951-03-15", "如 1951-03-15、1951.3、1951年3月；不填则按身份证号读取"),
        (RosterField.IdNumber, ExampleIdNumber, "必填，18位；请先把这一列设为“文本”格式（或在号码前加英文单引号），否则 Excel 会吞掉末尾几位。已建档的党员按身份证号更新"),
        (RosterField.Phone, "13800000000", "11位手机号，可不填"),
        (RosterField.Education, "高中", "可不填"),
        (RosterField.JoinedOn, "1975.7", "如 1975-07-01、1975.7、1975年7月"),
        (RosterField.FullMemberOn, "1976.7", "正式党员必填；预备党员不填"),
        (RosterField.Category, "正式党员", "正式党员 或 预备党员"),
        (RosterField.OrgUnit, "张桥居民区第一党支部", "新建档案必填，须在您的管理范围内；已建档的党员不会因此改变组织关系"),
        (RosterField.RegisteredAddress, "虹口区嘉兴路1弄1号101室", "可不填"),
        (RosterField.RegisteredArea, "张桥", "本街道的居民区，写不写“居民区”均可；不在本街道的不填"),
        (RosterField.ResidenceAddress, "虹口区嘉兴路1弄1号101室", "可不填"),
        (RosterField.ResidenceArea, "张桥", "同上"),
        (RosterField.CareNeeds, "视力减弱、独居", "视力减弱、行动不便、听力减弱、独居、会用智能手机，多项用顿号隔开"),
        (RosterField.Status, "正常", "正常、失联、流动、已转出、已故；不填则为正常"),
        (RosterField.Notes, "", "可不填"),
    ];

    public static byte[] Create()
    {
        var header = Columns.ToDictionary(c => RosterHeader.Label(c.Field), c => (object)c.Example);
        var instructions = Columns.Select(c => new Dictionary<string, object>
        {
            ["列名"] = RosterHeader.Label(c.Field),
            ["也可写作"] = string.Join("、", RosterHeader.Synonyms.First(s => s.Field == c.Field).Names.Skip(1)),
            ["填写要求"] = c.Rule,
        }).ToList();
        instructions.Add(new() { ["列名"] = "说明", ["也可写作"] = "", ["填写要求"] = "列的顺序不限，表头上方可以有标题行；表格中空白的格子不会清空档案中已有的内容。" });

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["党员名册"] = new[] { header },
            ["填写说明"] = instructions,
        });
        return stream.ToArray();
    }

    private static string WithCheck(string first17) => first17 + Members.IdNumber.CheckCharacter(first17);
}
