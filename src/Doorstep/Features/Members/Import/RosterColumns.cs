using System.Text.RegularExpressions;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members.Import;

/// <summary>The fields a roster column can fill.</summary>
public enum RosterField
{
    Name, Gender, Ethnicity, BirthDate, IdNumber, Phone, Education, JoinedOn, FullMemberOn, Category,
    OrgUnit, RegisteredAddress, RegisteredArea, ResidenceAddress, ResidenceArea, CareNeeds, Status, Notes,
}

/// <summary>The header row of a roster: which column holds which field, by the names people give them.</summary>
public sealed partial record RosterHeader(int RowNumber, IReadOnlyDictionary<RosterField, int> Columns, IReadOnlyList<string> Headers, IReadOnlyList<string> Ignored)
{
    /// <summary>A header row is the first row that names at least this many known columns.</summary>
    public const int MinimumKnownColumns = 3;

    /// <summary>Title rows above the header are skipped; the header is expected within this many rows.</summary>
    public const int SearchRows = 20;

    /// <summary>The column names of the template, in its order; the first name of each field's list is its label in MemberFields.</summary>
    public static readonly IReadOnlyList<(RosterField Field, string[] Names)> Synonyms =
    [
        (RosterField.Name, [MemberFields.Name, "党员姓名"]),
        (RosterField.Gender, [MemberFields.Gender]),
        (RosterField.Ethnicity, [MemberFields.Ethnicity]),
        (RosterField.BirthDate, [MemberFields.BirthDate, "出生年月", "出生时间", "出生年月日"]),
        (RosterField.IdNumber, [MemberFields.IdNumber, "身份证号", "身份证号码", "身份证", "证件号码", "公民身份证号码"]),
        (RosterField.Phone, [MemberFields.Phone, "手机号", "手机", "手机号码", "联系电话"]),
        (RosterField.Education, [MemberFields.Education, "文化程度"]),
        (RosterField.JoinedOn, [MemberFields.JoinedOn, "入党时间", "入党年月"]),
        (RosterField.FullMemberOn, [MemberFields.FullMemberOn, "转正时间", "转正年月"]),
        (RosterField.Category, [MemberFields.Category, "类别", "人员类别"]),
        (RosterField.OrgUnit, [MemberFields.OrgUnit, "所在支部", "党支部", "所在党支部", "党组织"]),
        (RosterField.RegisteredAddress, [MemberFields.RegisteredAddress, "户籍地", "户口地址"]),
        (RosterField.RegisteredArea, [
            MemberFields.RegisteredArea, "户籍居民区", "户籍居委", "户籍居委会", "户籍所在居委", "户籍所在居委会",
            "户籍地居委", "户籍地居委会", "户籍地居民区", "户籍所在地居委", "户籍所在地居委会", "户籍所在地居民区",
            "户口所在居委", "户口所在居委会", "户口所在居民区", "户口居委", "户籍所属居委", "户籍所属居民区"]),
        (RosterField.ResidenceAddress, [MemberFields.ResidenceAddress, "现住址", "现居住地址", "家庭住址", "现居住地"]),
        (RosterField.ResidenceArea, [
            MemberFields.ResidenceArea, "居住居民区", "现居住居民区", "居住居委", "居住居委会", "居住所在居委", "居住所在居委会",
            "居住地居委", "居住地居委会", "居住地居民区", "居住地所在居委", "居住地所在居民区", "现居住居委", "现居住居委会",
            "现居住地居委", "现居住地居委会", "现居住地居民区", "现住居委", "现住居民区", "实际居住居委", "实际居住居民区"]),
        (RosterField.CareNeeds, [MemberFields.CareNeeds]),
        (RosterField.Status, [MemberFields.Status, "党员状态"]),
        (RosterField.Notes, [MemberFields.Notes]),
    ];

    private static readonly Dictionary<string, RosterField> ByName =
        Synonyms.SelectMany(s => s.Names.Select(n => (n, s.Field))).ToDictionary(x => x.n, x => x.Field);

    public static string Label(RosterField field) => Synonyms.First(s => s.Field == field).Names[0];

    /// <summary>The field a header cell names: full-width folded, spaces, "*" marks and notes in brackets dropped.</summary>
    public static RosterField? Match(string? header)
    {
        var key = Bracketed().Replace(TextNormalizer.Compact(header), "").Trim('*', ':', '：');
        return ByName.TryGetValue(key, out var field) ? field : null;
    }

    /// <summary>The header if this row is one: at least <see cref="MinimumKnownColumns"/> known column names.</summary>
    public static RosterHeader? TryRead(RosterRow row, out string? problem)
    {
        problem = null;
        var columns = new Dictionary<RosterField, int>();
        var headers = new string[row.Cells.Count];
        var ignored = new List<string>();
        var duplicates = new List<string>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            headers[i] = TextNormalizer.Normalize(RosterCell.Text(row.Cells[i]));
            if (headers[i].Length == 0)
            {
                continue;
            }

            if (Match(headers[i]) is not { } field)
            {
                ignored.Add(headers[i]);
            }
            else if (!columns.TryAdd(field, i))
            {
                duplicates.Add($"“{headers[columns[field]]}”和“{headers[i]}”");
            }
        }

        if (columns.Count < MinimumKnownColumns)
        {
            return null;
        }

        if (duplicates.Count > 0)
        {
            problem = $"表头中{string.Join("、", duplicates)}是同一项内容，请只保留一列";
        }
        else if (!columns.ContainsKey(RosterField.Name) || !columns.ContainsKey(RosterField.IdNumber))
        {
            problem = "表格须有“姓名”和“公民身份号码”（或“身份证号”）两列";
        }

        return new RosterHeader(row.Number, columns, headers, ignored);
    }

    /// <summary>How a column is named to the user: its header in their file and its letter in Excel, e.g. 身份证号（C列）.</summary>
    public string Describe(RosterField field) =>
        Columns.TryGetValue(field, out var i) ? $"{Headers[i]}（{ColumnLetter(i)}列）" : Label(field);

    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    [GeneratedRegex(@"[(（\[【].*?[)）\]】]")]
    private static partial Regex Bracketed();
}
