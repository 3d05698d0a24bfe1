using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

public enum Gender { Male, Female }

/// <summary>党员类别</summary>
public enum MemberCategory { Full, Probationary }

public enum MemberStatus
{
    Normal,
    /// <summary>失联: no contact with the branch for 6 months or more; blocks transfers.</summary>
    LostContact,
    /// <summary>流动: lives or works away from the branch for a long time.</summary>
    Mobile,
    TransferredOut,
    Deceased,
}

/// <summary>Needs a visitor must know before coming to the door.</summary>
[Flags]
public enum CareNeeds
{
    None = 0,
    LowVision = 1,
    LimitedMobility = 2,
    HardOfHearing = 4,
    LivesAlone = 8,
    UsesSmartphone = 16,
}

/// <summary>
/// 党员: the member's file (建档立卡). Identity number and phone are kept only encrypted, with a
/// keyed hash for exact look-up and the last four characters for suffix search and masking.
/// </summary>
public class Member : IVersioned, IScoped<Member>
{
    /// <summary>
    /// The admin's sub-district and the area whose unit holds the file read and write it; a temporary
    /// branch's secretary reads its members (any membership in the branch); a 随身听 card holder reads
    /// their own file. A file an import is still writing is seen by nobody until the import ends.
    /// </summary>
    public static ScopeDeclaration<Member> Scope { get; } = new ScopeDeclaration<Member>()
        .VisibleWhen(m => m.PendingImportId == null)
        .ReadWrite(ScopeKind.SubDistrict, m => m.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, m => m.OrgUnitAreaId)
        .Read(ScopeKind.TemporaryBranch, (m, branch) => m.TemporaryBranches.Any(t => t.OrgUnitId == branch))
        .Read(ScopeKind.MemberCard, m => m.Id);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }

    /// <summary>The org unit that holds the file (组织关系).</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit OrgUnit { get; set; } = null!;

    /// <summary>
    /// The area of the org unit that holds the file (组织关系所在居民区), copied here by DoorstepDb on every
    /// save so that an area's list and scope seek one index instead of joining the org units.
    /// None for a file held above the areas (the working committee).
    /// </summary>
    public int? OrgUnitAreaId { get; set; }

    /// <summary>
    /// Set while an import writes this new file in short batches: the query filter hides it from
    /// everyone until the import makes all its files visible at once, or removes them (ADR 0013).
    /// </summary>
    public int? PendingImportId { get; set; }

    public required string Name { get; set; }

    /// <summary>Pinyin initials of the name (吴德勤 → wdq), kept by DoorstepDb whenever the name changes.</summary>
    public string NameInitials { get; set; } = "";

    /// <summary>The name's full pinyin as a sort key (王芳 → wang0fang0; see Pinyin.SortKey), kept by DoorstepDb with the initials.</summary>
    public string NamePinyin { get; set; } = "";

    public Gender Gender { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public DateOnly BirthDate { get; set; }

    public string IdNumberCipher { get; set; } = "";
    public string IdNumberHash { get; set; } = "";
    public string IdNumberTail { get; set; } = "";
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneTail { get; set; }

    /// <summary>A landline's area code (021), kept in the clear beside the tail so that its mask reads 021-****1234.</summary>
    public string? PhoneAreaCode { get; set; }

    public string? Education { get; set; }
    public DateOnly? JoinedOn { get; set; }
    /// <summary>转正日期: party age counts from here, per the party constitution.</summary>
    public DateOnly? FullMemberOn { get; set; }
    public MemberCategory Category { get; set; }

    public string? RegisteredAddress { get; set; }
    public int? RegisteredAreaId { get; set; }
    public ResidentialArea? RegisteredArea { get; set; }
    public string? ResidenceAddress { get; set; }
    public int? ResidenceAreaId { get; set; }
    public ResidentialArea? ResidenceArea { get; set; }

    public CareNeeds CareNeeds { get; set; }
    public MemberStatus Status { get; set; }
    public string? Notes { get; set; }

    public List<TemporaryBranchMembership> TemporaryBranches { get; set; } = [];

    public int Version { get; set; }

    public void SetIdNumber(string idNumber, PersonalDataProtector protector)
    {
        IdNumberCipher = protector.Encrypt(idNumber);
        IdNumberHash = protector.Hash(idNumber);
        IdNumberTail = idNumber[^4..];
    }

    public void SetPhone(string phone, PersonalDataProtector protector) =>
        SetPhone(PhoneNumber.Parse(phone) ?? throw new ArgumentException("Not a phone number.", nameof(phone)), protector);

    public void SetPhone(PhoneNumber? phone, PersonalDataProtector protector)
    {
        PhoneCipher = phone is null ? null : protector.Encrypt(phone.Stored);
        PhoneHash = phone is null ? null : protector.Hash(phone.LookupKey);
        PhoneTail = phone?.Tail;
        PhoneAreaCode = phone?.AreaCode;
    }

    /// <summary>
    /// 人户分离: registered (户籍) in an area of the sub-district but living in another one, or outside
    /// the sub-district altogether (a residence address with no area, like 彩虹湾).
    /// </summary>
    public static readonly Expression<Func<Member, bool>> LivesElsewhereRule = m =>
        m.RegisteredAreaId != null
        && (m.ResidenceAreaId != null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress != null);

    private static readonly Func<Member, bool> LivesElsewhereCompiled = LivesElsewhereRule.Compile();

    public bool LivesElsewhere => LivesElsewhereCompiled(this);

    public static int AgeOn(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    /// <summary>党龄: whole years since 转正; none while probationary.</summary>
    public static int? PartyAgeOn(DateOnly? fullMemberOn, DateOnly today) =>
        fullMemberOn is { } since && since <= today ? AgeOn(since, today) : null;

    public static string Label(Gender gender) => gender switch
    {
        Gender.Male => "男",
        Gender.Female => "女",
        _ => Unknown(gender),
    };

    public static string Label(MemberCategory category) => category switch
    {
        MemberCategory.Full => "正式党员",
        MemberCategory.Probationary => "预备党员",
        _ => Unknown(category),
    };

    public static string Label(MemberStatus status) => status switch
    {
        MemberStatus.Normal => "正常",
        MemberStatus.LostContact => "失联",
        MemberStatus.Mobile => "流动",
        MemberStatus.TransferredOut => "已转出",
        MemberStatus.Deceased => "已故",
        _ => Unknown(status),
    };

    /// <summary>
    /// A value no list offers, held by the database from before the rules refused it: shown as it is,
    /// so that the page still opens and someone can correct it.
    /// </summary>
    private static string Unknown<T>(T value) where T : struct, Enum =>
        $"未知（{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}）";

    public static IEnumerable<string> Labels(CareNeeds needs)
    {
        if ((needs & CareNeeds.LowVision) != 0) yield return "视力减弱";
        if ((needs & CareNeeds.LimitedMobility) != 0) yield return "行动不便";
        if ((needs & CareNeeds.HardOfHearing) != 0) yield return "听力减弱";
        if ((needs & CareNeeds.LivesAlone) != 0) yield return "独居";
        if ((needs & CareNeeds.UsesSmartphone) != 0) yield return "会用智能手机";
        if ((needs & ~(CareNeeds)31) != 0) yield return Unknown(needs & ~(CareNeeds)31);
    }
}

/// <summary>A member's place in a temporary branch (临时党支部); the file stays with the home branch.</summary>
public class TemporaryBranchMembership
{
    public int OrgUnitId { get; set; }
    public OrgUnit OrgUnit { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public DateOnly JoinedOn { get; set; }
}
