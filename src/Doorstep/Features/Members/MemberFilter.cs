using System.Globalization;
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

    public bool HasFilters =>
        AreaId is not null || RegisteredAreaId is not null || ResidenceAreaId is not null || OrgUnitId is not null || MinAge is not null || MinPartyAge is not null || Need is not null
        || LivesElsewhere == true || Category is not null || Status is not null;

    /// <summary>
    /// The search box understands, by their shape: a whole ID number or phone (exact, through the
    /// keyed hash), a last four (ID or phone), pinyin initials (wdq), or a name or part of one.
    /// </summary>
    public IQueryable<Member> Apply(DoorstepDb db, DateOnly today, PersonalDataProtector protector)
    {
        var members = db.MembersInScope;
        var q = TextNormalizer.Normalize(Q);
        var compact = TextNormalizer.Compact(Q).ToUpperInvariant();
        if (compact.Length == 18 && IdNumber.Problem(compact) is null)
        {
            var hash = protector.Hash(compact);
            members = members.Where(m => m.IdNumberHash == hash);
        }
        else if (compact.Length >= 10 && PhoneNumber.Parse(Q) is { } phone)
        {
            var hash = protector.Hash(phone.LookupKey);
            members = members.Where(m => m.PhoneHash == hash);
        }
        else if (compact.Length == 4 && compact[..3].All(char.IsAsciiDigit) && (char.IsAsciiDigit(compact[3]) || compact[3] == 'X'))
        {
            members = members.Where(m => m.IdNumberTail == compact || m.PhoneTail == compact);
        }
        else if (compact.Length > 0 && compact.All(char.IsAsciiLetter))
        {
            // A range, not LIKE: SQLite's LIKE ignores case and so cannot use the (binary) index.
            var initials = compact.ToLowerInvariant();
            var after = initials[..^1] + (char)(initials[^1] + 1);
            members = members.Where(m => string.Compare(m.NameInitials, initials) >= 0 && string.Compare(m.NameInitials, after) < 0);
        }
        else if (q.Length == 1)
        {
            members = members.Where(m => m.Name.StartsWith(q));
        }
        else if (q.Length > 1)
        {
            members = members.Where(m => m.Name.Contains(q));
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

    public IQueryable<Member> Order(IQueryable<Member> members) => (Sort ?? MemberSort.Name) switch
    {
        MemberSort.Name => members.OrderBy(m => m.NameInitials).ThenBy(m => m.Name).ThenBy(m => m.Id),
        MemberSort.AgeDescending => members.OrderBy(m => m.BirthDate).ThenBy(m => m.Id),
        MemberSort.PartyAgeDescending => members.OrderBy(m => m.FullMemberOn == null).ThenBy(m => m.FullMemberOn).ThenBy(m => m.Id),
        MemberSort.Newest => members.OrderByDescending(m => m.Id),
    };

    /// <summary>The query string of this filter, for page links and the export link.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(text))
            {
                parts.Add($"{key}={Uri.EscapeDataString(text)}");
            }
        }

        Add("q", Q);
        Add("areaId", AreaId);
        Add("registeredAreaId", RegisteredAreaId);
        Add("residenceAreaId", ResidenceAreaId);
        Add("orgUnitId", OrgUnitId);
        Add("minAge", MinAge);
        Add("minPartyAge", MinPartyAge);
        Add("need", Need);
        Add("livesElsewhere", LivesElsewhere == true ? "true" : null);
        Add("category", Category);
        Add("status", Status);
        Add("sort", Sort is MemberSort.Name ? null : Sort);
        Add("page", page > 1 ? page : null);
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

        if (AreaId is { } areaId)
        {
            var area = await db.ResidentialAreas.Where(a => a.Id == areaId).Select(a => a.Name).FirstOrDefaultAsync();
            parts.Add($"居民区：{area ?? "?"}居民区");
        }

        if (OrgUnitId is { } orgUnitId)
        {
            var unit = await db.OrgUnits.Where(u => u.Id == orgUnitId).Select(u => u.Name).FirstOrDefaultAsync();
            parts.Add($"所在党组织：{unit ?? "?"}");
        }

        if (MinAge is { } minAge)
        {
            parts.Add($"年龄不小于{minAge}岁");
        }

        if (MinPartyAge is { } minPartyAge)
        {
            parts.Add($"党龄不少于{minPartyAge}年");
        }

        if (Need is { } need)
        {
            parts.Add($"关怀需求：{string.Join("、", Member.Labels(need))}");
        }

        if (LivesElsewhere == true)
        {
            parts.Add("仅人户分离");
        }

        if (Category is { } category)
        {
            parts.Add($"党员类别：{Member.Label(category)}");
        }

        if (Status is { } status)
        {
            parts.Add($"状态：{Member.Label(status)}");
        }

        return parts.Count == 0 ? "全部（未筛选）" : string.Join("；", parts);
    }

    public static string Label(MemberSort sort) => sort switch
    {
        MemberSort.Name => "按姓名拼音",
        MemberSort.AgeDescending => "年龄从大到小",
        MemberSort.PartyAgeDescending => "党龄从长到短",
        MemberSort.Newest => "最近建档",
    };
}
