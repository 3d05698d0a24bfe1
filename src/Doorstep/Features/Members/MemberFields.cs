using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>How a member field's value is read and shown.</summary>
public enum MemberFieldKind { Text, MultiLineText, Date, Gender, Category, Status, CareNeeds, Area, OrgUnit, Protected }

/// <summary>
/// One field of a member file: its label, its kind, the <see cref="Member"/> property the audit names
/// (<paramref name="Property"/>), the <see cref="MemberInput"/> property a form fills
/// (<paramref name="InputProperty"/>), and the stored properties that make up its value (an ID number
/// is a ciphertext, a hash and a tail; the first is what tells two values apart).
/// </summary>
public sealed record MemberField(string Property, string Label, MemberFieldKind Kind, string InputProperty, string[] Stored);

/// <summary>A field and its value in words, as the file page shows it.</summary>
public sealed record MemberFieldValue(string Label, string? Value);

/// <summary>
/// The one catalogue of member fields. The form, the file page, the timeline, the conflict check,
/// the import headers, the export columns and the audit's words all take a field's label and format
/// from here; the labels are constants so that attributes ([Display], [ExcelColumnName]) can name them.
/// </summary>
public static class MemberFields
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string Ethnicity = "民族";
    public const string BirthDate = "出生日期";
    public const string IdNumber = "公民身份号码";
    public const string Phone = "电话";
    public const string Education = "学历";
    public const string Category = "党员类别";
    public const string JoinedOn = "入党日期";
    public const string FullMemberOn = "转正日期";
    public const string OrgUnit = "所在党组织";
    public const string RegisteredAddress = "户籍地址";
    public const string RegisteredArea = "户籍所在居民区";
    public const string ResidenceAddress = "居住地址";
    public const string ResidenceArea = "居住所在居民区";
    public const string CareNeeds = "关怀需求";
    public const string Status = "状态";
    public const string Notes = "备注";

    /// <summary>Figures derived from the fields, shown on the file page and in the export.</summary>
    public const string Age = "年龄";
    public const string PartyAge = "党龄";
    public const string LivesElsewhere = "人户分离";
    public const string TemporaryBranches = "临时党支部";

    /// <summary>Every field, in the order of the form and the file page.</summary>
    public static readonly IReadOnlyList<MemberField> All =
    [
        Plain(nameof(Member.Name), Name, MemberFieldKind.Text),
        Plain(nameof(Member.Gender), Gender, MemberFieldKind.Gender),
        Plain(nameof(Member.Ethnicity), Ethnicity, MemberFieldKind.Text),
        Plain(nameof(Member.BirthDate), BirthDate, MemberFieldKind.Date),
        new(nameof(Member.IdNumberCipher), IdNumber, MemberFieldKind.Protected, nameof(MemberInput.IdNumber),
            [nameof(Member.IdNumberHash), nameof(Member.IdNumberCipher), nameof(Member.IdNumberTail)]),
        new(nameof(Member.PhoneCipher), Phone, MemberFieldKind.Protected, nameof(MemberInput.Phone),
            [nameof(Member.PhoneHash), nameof(Member.PhoneCipher), nameof(Member.PhoneTail)]),
        Plain(nameof(Member.Education), Education, MemberFieldKind.Text),
        Plain(nameof(Member.Category), Category, MemberFieldKind.Category),
        Plain(nameof(Member.JoinedOn), JoinedOn, MemberFieldKind.Date),
        Plain(nameof(Member.FullMemberOn), FullMemberOn, MemberFieldKind.Date),
        Plain(nameof(Member.OrgUnitId), OrgUnit, MemberFieldKind.OrgUnit),
        Plain(nameof(Member.RegisteredAddress), RegisteredAddress, MemberFieldKind.Text),
        Plain(nameof(Member.RegisteredAreaId), RegisteredArea, MemberFieldKind.Area),
        Plain(nameof(Member.ResidenceAddress), ResidenceAddress, MemberFieldKind.Text),
        Plain(nameof(Member.ResidenceAreaId), ResidenceArea, MemberFieldKind.Area),
        Plain(nameof(Member.CareNeeds), CareNeeds, MemberFieldKind.CareNeeds),
        Plain(nameof(Member.Status), Status, MemberFieldKind.Status),
        Plain(nameof(Member.Notes), Notes, MemberFieldKind.MultiLineText),
    ];

    private static readonly Dictionary<string, MemberField> ByProperty =
        All.SelectMany(f => new[] { f.Property, f.InputProperty }.Distinct().Select(p => (p, f)))
            .ToDictionary(x => x.p, x => x.f);

    private static MemberField Plain(string property, string label, MemberFieldKind kind) => new(property, label, kind, property, [property]);

    /// <summary>
    /// The field a <see cref="Member"/> property (as the audit names it: IdNumberCipher) or a
    /// <see cref="MemberInput"/> property (IdNumber) is; null for what is no field of its own
    /// (IdNumberHash and IdNumberTail, which change with the cipher; Version, NameInitials).
    /// </summary>
    public static MemberField? Find(string propertyName) => ByProperty.GetValueOrDefault(propertyName);

    /// <summary>The label of a member or input property, or null for a property that is no field (Version, NameInitials).</summary>
    public static string? Label(string propertyName) => Find(propertyName)?.Label;

    /// <summary>
    /// A stored value in words, for the audit and the timeline: <c>Describe("Gender", "Female")</c> is
    /// (性别, 女); an undefined enum value is named, never thrown. Null for a property that is no member
    /// field. Ids of areas and org units become names through <paramref name="names"/> when given.
    /// </summary>
    public static MemberFieldValue? Describe(string propertyName, string? rawValue, Func<MemberFieldKind, int, string?>? names = null) =>
        Find(propertyName) is { } field ? new(field.Label, Format(field.Kind, rawValue, names)) : null;

    /// <summary>As <see cref="Describe(string, string?, Func{MemberFieldKind, int, string?}?)"/> for many changes at once, naming areas and org units from the database.</summary>
    public static async Task<IReadOnlyList<AuditChange>> DescribeAsync(DoorstepDb db, IEnumerable<AuditChange> changes)
    {
        var list = changes.ToList();
        var names = await NamesAsync(db, list);
        return list.Select(c => Find(c.Field) is { } field
                ? new AuditChange(field.Label, Format(field.Kind, c.Old, names), Format(field.Kind, c.New, names))
                : c)
            .ToList();
    }

    /// <summary>A raw value (as the audit stores it: enum names, ids, ISO dates) in words.</summary>
    public static string? Format(MemberFieldKind kind, string? raw, Func<MemberFieldKind, int, string?>? names = null)
    {
        if (raw is null)
        {
            return null;
        }

        return kind switch
        {
            MemberFieldKind.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? ChinaTime.Date(d) : raw,
            MemberFieldKind.Gender => Enum.TryParse<Members.Gender>(raw, out var g) ? Member.Label(g) : raw,
            MemberFieldKind.Category => Enum.TryParse<MemberCategory>(raw, out var c) ? Member.Label(c) : raw,
            MemberFieldKind.Status => Enum.TryParse<MemberStatus>(raw, out var s) ? Member.Label(s) : raw,
            MemberFieldKind.CareNeeds => Enum.TryParse<Members.CareNeeds>(raw, out var n) ? NeedsText(n) : raw,
            MemberFieldKind.Area or MemberFieldKind.OrgUnit =>
                int.TryParse(raw, CultureInfo.InvariantCulture, out var id) && names?.Invoke(kind, id) is { } name ? name : raw,
            MemberFieldKind.Protected => "已更改",
            _ => raw,
        };
    }

    /// <summary>The field's stored value in the audit's form (enum names, ids, ISO dates); for protected fields the hash.</summary>
    public static string? Raw(MemberField field, Member m) => Value(m, field.Stored[0]) switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString(),
    };

    /// <summary>The field's value as the file page shows it; protected values masked.</summary>
    public static string Shown(MemberField field, Member m, Func<MemberFieldKind, int, string?>? names = null) => field.Property switch
    {
        nameof(Member.IdNumberCipher) => Masked.IdNumber(m.IdNumberTail),
        nameof(Member.PhoneCipher) => m.PhoneTail is null ? "未登记" : Masked.Phone(m.PhoneTail),
        _ => Format(field.Kind, Raw(field, m), names) is { Length: > 0 } text ? text : "（空）",
    };

    public static string NeedsText(CareNeeds needs) => needs == Members.CareNeeds.None ? "无" : string.Join("、", Member.Labels(needs));

    /// <summary>Reads a stored property of the file by name.</summary>
    public static object? Value(Member m, string property) => property switch
    {
        nameof(Member.Name) => m.Name,
        nameof(Member.Gender) => m.Gender,
        nameof(Member.Ethnicity) => m.Ethnicity,
        nameof(Member.BirthDate) => m.BirthDate,
        nameof(Member.IdNumberHash) => m.IdNumberHash,
        nameof(Member.IdNumberCipher) => m.IdNumberCipher,
        nameof(Member.IdNumberTail) => m.IdNumberTail,
        nameof(Member.PhoneHash) => m.PhoneHash,
        nameof(Member.PhoneCipher) => m.PhoneCipher,
        nameof(Member.PhoneTail) => m.PhoneTail,
        nameof(Member.Education) => m.Education,
        nameof(Member.Category) => m.Category,
        nameof(Member.JoinedOn) => m.JoinedOn,
        nameof(Member.FullMemberOn) => m.FullMemberOn,
        nameof(Member.OrgUnitId) => m.OrgUnitId,
        nameof(Member.RegisteredAddress) => m.RegisteredAddress,
        nameof(Member.RegisteredAreaId) => m.RegisteredAreaId,
        nameof(Member.ResidenceAddress) => m.ResidenceAddress,
        nameof(Member.ResidenceAreaId) => m.ResidenceAreaId,
        nameof(Member.CareNeeds) => m.CareNeeds,
        nameof(Member.Status) => m.Status,
        nameof(Member.Notes) => m.Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Not a stored member field."),
    };

    /// <summary>The names of the areas and org units that changes refer to by id.</summary>
    public static async Task<Func<MemberFieldKind, int, string?>> NamesAsync(DoorstepDb db, IEnumerable<AuditChange> changes)
    {
        int[] Ids(MemberFieldKind kind) => changes.Where(c => Find(c.Field)?.Kind == kind).SelectMany(c => new[] { c.Old, c.New })
            .Select(v => int.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToArray();

        var unitIds = Ids(MemberFieldKind.OrgUnit);
        var areaIds = Ids(MemberFieldKind.Area);
        var units = unitIds.Length == 0 ? []
            : await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var areas = areaIds.Length == 0 ? []
            : await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name + "居民区");
        return (kind, id) => (kind == MemberFieldKind.OrgUnit ? units : areas).GetValueOrDefault(id);
    }
}

/// <summary>Text with its line breaks kept on the page, each line HTML-encoded (notes, and a value chosen after a conflict).</summary>
public static class TextLines
{
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(string? text)
    {
        var content = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        var lines = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                content.AppendHtml("<br>");
            }

            content.Append(lines[i]);
        }

        return content;
    }
}
