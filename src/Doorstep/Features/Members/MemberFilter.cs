using System.Globalization;
using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

public enum MemberSort { Name, AgeDescending, PartyAgeDescending, Newest }

/// <summary>
/// The member list's one search box and its filters, bound from the query string and shared by the
/// list page, the API and the export, so that all three show the same members.
/// </summary>
public sealed class MemberFilter
{
    public string? Q { get; set; }
    public int? AreaId { get; set; }

    /// <summary>Where the member is registered (户籍) and where they live, for the 人户分离 drill-downs.</summary>
    public int? RegisteredAreaId { get; set; }

    public int? ResidenceAreaId { get; set; }
    public int? OrgUnitId { get; set; }
    public int? MinAge { get; set; }
    public int? MinPartyAge { get; set; }
    public CareNeeds? Need { get; set; }
    public bool? LivesElsewhere { get; set; }
    public MemberCategory? Category { get; set; }
    public MemberStatus? Status { get; set; }
    public MemberSort? Sort { get; set; }

    /// <summary>
    /// Every field of the filter once, with its label and its words for the audit: the query string,
    /// "has filters", the description and the API's reading of the query all go through this list,
    /// so a new filter cannot be exported without being described (a test holds every property to it).
    /// </summary>
    private static readonly IReadOnlyList<FilterField> Fields =
    [
        new(nameof(Q), "查找", null),
        new(nameof(AreaId), "居民区", (f, db) => AreaAsync(db, "居民区", f.AreaId)),
        new(nameof(RegisteredAreaId), MemberFields.RegisteredArea, (f, db) => AreaAsync(db, MemberFields.RegisteredArea, f.RegisteredAreaId)),
        new(nameof(ResidenceAreaId), MemberFields.ResidenceArea, (f, db) => AreaAsync(db, MemberFields.ResidenceArea, f.ResidenceAreaId)),
        new(nameof(OrgUnitId), MemberFields.OrgUnit, async (f, db) =>
            $"{MemberFields.OrgUnit}：{await db.OrgUnits.Where(u => u.Id == f.OrgUnitId).Select(u => u.Name).FirstOrDefaultAsync() ?? "?"}"),
        new(nameof(MinAge), "年龄不小于", (f, _) => Words($"年龄不小于{f.MinAge}岁")),
        new(nameof(MinPartyAge), "党龄不少于", (f, _) => Words($"党龄不少于{f.MinPartyAge}年")),
        new(nameof(Need), MemberFields.CareNeeds, (f, _) => Words($"{MemberFields.CareNeeds}：{string.Join("、", Member.Labels(f.Need!.Value))}")),
        new(nameof(LivesElsewhere), "仅看人户分离", (f, _) => Words(f.LivesElsewhere == true ? "仅人户分离" : null)),
        new(nameof(Category), MemberFields.Category, (f, _) => Words($"{MemberFields.Category}：{Member.Label(f.Category!.Value)}")),
        new(nameof(Status), MemberFields.Status, (f, _) => Words($"{MemberFields.Status}：{Member.Label(f.Status!.Value)}")),
        new(nameof(Sort), "排序", null),
    ];

    private sealed record FilterField(string Property, string Label, Func<MemberFilter, DoorstepDb, Task<string?>>? Describe)
    {
        public System.Reflection.PropertyInfo Info { get; } = typeof(MemberFilter).GetProperty(Property)!;
        public string Key { get; } = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Property);

        /// <summary>The value as the query string carries it; a false "only 人户分离" and the default order are left out.</summary>
        public string? Text(MemberFilter filter) => Info.GetValue(filter) switch
        {
            null or false or MemberSort.Name => null,
            true => "true",
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        };
    }

    private static Task<string?> Words(string? words) => Task.FromResult(words);

    private static async Task<string?> AreaAsync(DoorstepDb db, string label, int? id) =>
        $"{label}：{await db.ResidentialAreas.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync() ?? "?"}居民区";

    /// <summary>The property names of every filter field, for the test that keeps the list complete.</summary>
    public static IEnumerable<string> FieldNames => Fields.Select(f => f.Property);

    /// <summary>The list as it opens: nothing searched, nothing filtered, in name order.</summary>
    public bool IsEmpty => Fields.All(f => f.Text(this) is null);

    public bool HasFilters => Fields.Any(f => f.Describe is not null && f.Text(this) is not null);

    /// <summary>
    /// Reads a filter from a query string as the API receives it, naming each value it cannot read or
    /// that no list offers (sort=-1, status=12345), keyed by the query key.
    /// </summary>
    public static MemberFilter Read(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var filter = new MemberFilter();
        foreach (var field in Fields)
        {
            var text = query.FirstOrDefault(q => string.Equals(q.Key, field.Key, StringComparison.OrdinalIgnoreCase)).Value.ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(field.Info.PropertyType) ?? field.Info.PropertyType;
            object? value = type == typeof(string) ? text
                : type == typeof(int) ? (int.TryParse(text, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null)
                : type == typeof(bool) ? (bool.TryParse(text, out var flag) ? flag : null)
                : Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!) ? e
                : null;
            if (value is null)
            {
                errors[field.Key] = [$"“{field.Label}”的值“{text}”无法识别。"];
            }
            else
            {
                field.Info.SetValue(filter, value);
            }
        }

        return filter;
    }

    /// <summary>
    /// A page reads the filter from its own links and forms; a value no list offers (an edited link)
    /// is dropped rather than failing the page.
    /// </summary>
    public MemberFilter Sanitized()
    {
        if (Sort is { } sort && !Enum.IsDefined(sort)) Sort = null;
        if (Category is { } category && !Enum.IsDefined(category)) Category = null;
        if (Status is { } status && !Enum.IsDefined(status)) Status = null;
        if (Need is { } need && !MemberInput.CareNeedChoices.Contains(need)) Need = null;
        return this;
    }

    /// <summary>
    /// The search box understands, by their shape: a whole ID number or phone (exact, through the
    /// keyed hash), a last four (ID or phone), pinyin initials (wdq), or a name or part of one.
    /// </summary>
    public IQueryable<Member> Apply(DoorstepDb db, DateOnly today, PersonalDataProtector protector)
    {
        var members = db.MembersInScope;
        var q = TextNormalizer.Normalize(Q);
        var compact = TextNormalizer.Compact(Q).ToUpperInvariant();
        switch (ShapeOf(compact))
        {
            case SearchShape.IdNumber:
                var idHash = protector.Hash(compact);
                members = members.Where(m => m.IdNumberHash == idHash);
                break;
            case SearchShape.Phone:
                var phoneHash = protector.Hash(PhoneNumber.Parse(Q)!.LookupKey);
                members = members.Where(m => m.PhoneHash == phoneHash);
                break;
            case SearchShape.LastFour:
                members = members.Where(m => m.IdNumberTail == compact || m.PhoneTail == compact);
                break;
            case SearchShape.Initials:
                // A range, not LIKE: SQLite's LIKE ignores case and so cannot use the (binary) index.
                // The list index is in full-pinyin order; its first letter is the initials' first letter.
                var initials = compact.ToLowerInvariant();
                var after = initials[..^1] + (char)(initials[^1] + 1);
                var first = initials[..1];
                var afterFirst = ((char)(initials[0] + 1)).ToString();
                members = members.Where(m => string.Compare(m.NamePinyin, first) >= 0 && string.Compare(m.NamePinyin, afterFirst) < 0
                    && string.Compare(m.NameInitials, initials) >= 0 && string.Compare(m.NameInitials, after) < 0);
                break;
            case SearchShape.Name when q.Length == 1:
                members = members.Where(m => m.Name.StartsWith(q));
                break;
            case SearchShape.Name when q.Length > 1:
                members = members.Where(m => m.Name.Contains(q));
                break;
        }

        if (AreaId is { } area)
        {
            members = members.Where(m => m.OrgUnitAreaId == area);
        }

        if (RegisteredAreaId is { } registered)
        {
            members = members.Where(m => m.RegisteredAreaId == registered);
        }

        if (ResidenceAreaId is { } residence)
        {
            members = members.Where(m => m.ResidenceAreaId == residence);
        }

        if (OrgUnitId is { } orgUnit)
        {
            members = members.Where(m => m.OrgUnitId == orgUnit || m.OrgUnit.ParentId == orgUnit);
        }

        if (MinAge is { } minAge)
        {
            var bornBy = today.AddYears(-minAge);
            members = members.Where(m => m.BirthDate <= bornBy);
        }

        if (MinPartyAge is { } minPartyAge)
        {
            var fullBy = today.AddYears(-minPartyAge);
            members = members.Where(m => m.FullMemberOn != null && m.FullMemberOn <= fullBy);
        }

        if (Need is { } need)
        {
            members = members.Where(m => (m.CareNeeds & need) == need);
        }

        if (LivesElsewhere == true)
        {
            members = members.Where(Member.LivesElsewhereRule);
        }

        if (Category is { } category)
        {
            members = members.Where(m => m.Category == category);
        }

        if (Status is { } status)
        {
            members = members.Where(m => m.Status == status);
        }

        return members;
    }

    /// <summary>
    /// A name typed alone in the search box, in the list's order, by a user who reaches whole
    /// sub-districts (an admin, the district, the system): the name index's entries that match it, in
    /// scope (ADR 0021). They match exactly what <see cref="Apply"/> would: a surname is the first
    /// character, a part of a name any run of characters in it. Null for every other search, which
    /// keeps Apply's path (an area's 1,500 files are a short scan of its own list index).
    /// </summary>
    public IQueryable<MemberNameGram>? NameGrams(DoorstepDb db)
    {
        var compact = TextNormalizer.Compact(Q).ToUpperInvariant();
        var q = TextNormalizer.Normalize(Q);
        if (q.Length == 0 || ShapeOf(compact) != SearchShape.Name || HasFilters || Sort is not (null or MemberSort.Name)
            || db.CurrentUser.Scope.Kind is not (ScopeKind.SubDistrict or ScopeKind.District or ScopeKind.Everything))
        {
            return null;
        }

        var gram = MemberNameGram.Sought(q, out var longer);
        var grams = db.InScope<MemberNameGram>().Where(g => g.Gram == gram);
        return longer ? grams.Where(g => g.Name.Contains(q)) : grams;
    }

    private enum SearchShape { Other, IdNumber, Phone, LastFour, Initials, Name }

    /// <summary>What the search box holds, by its shape; a name is whatever is none of the others.</summary>
    private SearchShape ShapeOf(string compact) =>
        compact.Length == 18 && IdNumber.Problem(compact) is null ? SearchShape.IdNumber
        : compact.Length >= 10 && PhoneNumber.Parse(Q) is not null ? SearchShape.Phone
        : compact.Length == 4 && compact[..3].All(char.IsAsciiDigit) && (char.IsAsciiDigit(compact[3]) || compact[3] == 'X') ? SearchShape.LastFour
        : compact.Length > 0 && compact.All(char.IsAsciiLetter) ? SearchShape.Initials
        : compact.Length > 0 ? SearchShape.Name
        : SearchShape.Other;

    /// <summary>
    /// The list's order. Over several sub-districts (the district's users) the names are listed by
    /// sub-district first: that is the order of the sub-district list and name indexes, so a page is
    /// their next 20 entries rather than a sort of a million (ADR 0030).
    /// </summary>
    public IQueryable<Member> Order(IQueryable<Member> members, DataScope scope) => Sort switch
    {
        MemberSort.AgeDescending => members.OrderBy(Key.BirthDate).ThenBy(Key.Id),
        MemberSort.PartyAgeDescending => members.OrderBy(Key.NotFullMember).ThenBy(Key.FullMemberOn).ThenBy(Key.Id),
        MemberSort.Newest => members.OrderByDescending(Key.Id),
        _ when SeveralSubDistricts(scope) => members.OrderBy(Key.SubDistrictId).ThenBy(Key.NamePinyin).ThenBy(Key.Name).ThenBy(Key.Id),
        _ => members.OrderBy(Key.NamePinyin).ThenBy(Key.Name).ThenBy(Key.Id),
    };

    /// <summary>The order's keys, built once for the reason <see cref="MemberQueries"/> builds a row's projection once.</summary>
    private static class Key
    {
        public static readonly Expression<Func<Member, int>> Id = m => m.Id;
        public static readonly Expression<Func<Member, int>> SubDistrictId = m => m.SubDistrictId;
        public static readonly Expression<Func<Member, string>> NamePinyin = m => m.NamePinyin;
        public static readonly Expression<Func<Member, string>> Name = m => m.Name;
        public static readonly Expression<Func<Member, DateOnly>> BirthDate = m => m.BirthDate;
        public static readonly Expression<Func<Member, bool>> NotFullMember = m => m.FullMemberOn == null;
        public static readonly Expression<Func<Member, DateOnly?>> FullMemberOn = m => m.FullMemberOn;
    }

    /// <summary>Whether the scope reaches more than one sub-district, whose lists are then ordered by sub-district first.</summary>
    public static bool SeveralSubDistricts(DataScope scope) => scope.Kind is ScopeKind.District or ScopeKind.Everything;

    /// <summary>The query string of this filter, for page links and the export link.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = Fields.Select(f => (f.Key, Value: f.Text(this)))
            .Append((Key: "page", Value: page > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>
    /// The filter in words, for the audit and the full-export page: 年龄不小于80岁；居民区：张桥. A whole
    /// ID number or phone typed in the search box is described by its last four only.
    /// </summary>
    public async Task<string> DescribeAsync(DoorstepDb db)
    {
        var parts = new List<string>();
        var compact = TextNormalizer.Compact(Q).ToUpperInvariant();
        if (compact.Length == 18 && IdNumber.Problem(compact) is null)
        {
            parts.Add($"查找证件号 {Masked.IdNumber(compact[^4..])}");
        }
        else if (compact.Length >= 10 && PhoneNumber.Parse(Q) is { } phone)
        {
            parts.Add($"查找电话 {Masked.Phone(phone.Tail, phone.AreaCode)}");
        }
        else if (TextNormalizer.Normalize(Q) is { Length: > 0 } q)
        {
            parts.Add($"查找“{q}”");
        }

        foreach (var field in Fields.Where(f => f.Describe is not null && f.Text(this) is not null))
        {
            if (await field.Describe!(this, db) is { } words)
            {
                parts.Add(words);
            }
        }

        return parts.Count == 0 ? "全部（未筛选）" : string.Join("；", parts);
    }

    public static string Label(MemberSort sort) => sort switch
    {
        MemberSort.Name => "按姓名拼音",
        MemberSort.AgeDescending => "年龄从大到小",
        MemberSort.PartyAgeDescending => "党龄从长到短",
        MemberSort.Newest => "最近建档",
        _ => sort.ToString(),
    };
}
