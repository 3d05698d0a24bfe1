using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities;

/// <summary>The kinds of activity the offices plan and report (glossary: Activity).</summary>
public enum ActivityKind
{
    ThemeLecture,
    OathRenewal,
    VolunteerService,
    PatrioticHealth,
    Publicity,
    DisasterPrevention,
    JointBuilding,
    Other,
}

/// <summary>How an activity repeats; every rule is an RFC 5545 RRULE expanded by Ical.Net (ADR 0019).</summary>
public enum RepeatKind
{
    Once,
    Weekly,
    Monthly,
    /// <summary>Every working day, China's adjusted working days (调休) included, holidays left out.</summary>
    Workdays,
    /// <summary>An RRULE typed by hand, e.g. FREQ=MONTHLY;BYDAY=-1FR (every last Friday).</summary>
    Custom,
}

/// <summary>
/// 活动: a lecture, an oath renewal, a volunteer day, a publicity event. It belongs to one area, or to
/// the sub-district itself (<see cref="AreaId"/> null). A sub-district-wide drive is one row per area
/// sharing a <see cref="DriveKey"/>, so that every area plans, counts and reports its own part.
/// Times are China wall-clock times: a Thursday at 9:00 stays 9:00 whatever the server's zone.
/// </summary>
public class Activity : IVersioned, IScoped<Activity>
{
    /// <summary>
    /// The admin reads and writes every activity of the sub-district; a cadre those of their area; a
    /// volunteer reads those they signed up for or checked in to (ADR 0019), nothing else.
    /// </summary>
    public static ScopeDeclaration<Activity> Scope { get; } = new ScopeDeclaration<Activity>()
        .ReadWrite(ScopeKind.SubDistrict, a => a.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, a => a.AreaId)
        .Read(ScopeKind.Volunteer, (a, volunteer) => a.Attendances.Any(x => x.VolunteerId == volunteer));

    public int Id { get; set; }
    public int SubDistrictId { get; set; }

    /// <summary>The area whose activity this is; null for one the sub-district itself holds.</summary>
    public int? AreaId { get; set; }

    /// <summary>The rows of one sub-district-wide drive share this key (a new Guid's text when created).</summary>
    public string? DriveKey { get; set; }

    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>主办: a party organisation (the branch of 彩虹之嘉) or a department of the sub-district.</summary>
    public int? OrganiserOrgUnitId { get; set; }
    public int? OrganiserDepartmentId { get; set; }

    /// <summary>协办 or 共建单位, e.g. 市民驿站.</summary>
    public string? Partner { get; set; }

    public string? Place { get; set; }

    /// <summary>Zones of the place, one per line: 知识展区, 物资展示区, 资料发放台, 技能演练区.</summary>
    public string? Zones { get; set; }

    /// <summary>Who it is for: members of which units, residents, volunteers, in words.</summary>
    public string? Audience { get; set; }

    public int? Capacity { get; set; }
    public string? Description { get; set; }

    /// <summary>The first (or only) day.</summary>
    public DateOnly StartsOn { get; set; }
    public TimeOnly StartTime { get; set; }
    public int Minutes { get; set; }

    public RepeatKind Repeat { get; set; }

    /// <summary>The RRULE for <see cref="RepeatKind.Custom"/>; the other kinds build theirs.</summary>
    public string? CustomRule { get; set; }

    /// <summary>The last day it may occur; null repeats without end.</summary>
    public DateOnly? RepeatUntil { get; set; }

    /// <summary>Leaves out occurrences on China's public holidays (放假日), see <see cref="WorkCalendar"/>.</summary>
    public bool SkipHolidays { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }

    public List<Attendance> Attendances { get; set; } = [];
    public List<ActivityChange> Changes { get; set; } = [];

    public bool Repeats => Repeat != RepeatKind.Once;

    public static string Label(ActivityKind kind) => kind switch
    {
        ActivityKind.ThemeLecture => "主题党课",
        ActivityKind.OathRenewal => "重温入党誓词",
        ActivityKind.VolunteerService => "志愿服务",
        ActivityKind.PatrioticHealth => "爱国卫生运动",
        ActivityKind.Publicity => "宣传活动",
        ActivityKind.DisasterPrevention => "防灾减灾",
        ActivityKind.JointBuilding => "党建共建",
        ActivityKind.Other => "其他",
    };

    public static string Label(RepeatKind repeat) => repeat switch
    {
        RepeatKind.Once => "不重复",
        RepeatKind.Weekly => "每周",
        RepeatKind.Monthly => "每月",
        RepeatKind.Workdays => "每个工作日（按国家调休）",
        RepeatKind.Custom => "自定义规则",
    };
}

/// <summary>
/// A change to one occurrence of a repeating activity (or of a single one): cancelled that day, or
/// moved to another time or place. Keyed by the date the rule gives, so the calendar still knows which
/// Thursday it replaces.
/// </summary>
public class ActivityChange : IScoped<ActivityChange>
{
    public static ScopeDeclaration<ActivityChange> Scope { get; } = new ScopeDeclaration<ActivityChange>()
        .ReadWrite(ScopeKind.SubDistrict, c => c.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, c => c.AreaId);

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;

    /// <summary>The occurrence's date as the rule gives it.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Copied from the activity, so that scope needs no join.</summary>
    public int SubDistrictId { get; set; }
    public int? AreaId { get; set; }

    public bool Cancelled { get; set; }
    public DateOnly? MovedTo { get; set; }
    public TimeOnly? StartTime { get; set; }
    public string? Place { get; set; }
    public string? Note { get; set; }
}

/// <summary>What was counted at an occurrence rather than signed in: walk-ins (现场人数) and handouts by kind.</summary>
public enum TallyKind
{
    HeadCount,
    Handout,
}

/// <summary>A head-count or a handout count at one occurrence: 500余人, 宣传手册 1000余册.</summary>
public class ActivityTally : IScoped<ActivityTally>
{
    public static ScopeDeclaration<ActivityTally> Scope { get; } = new ScopeDeclaration<ActivityTally>()
        .ReadWrite(ScopeKind.SubDistrict, t => t.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, t => t.AreaId);

    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;
    public DateOnly Date { get; set; }
    public int SubDistrictId { get; set; }
    public int? AreaId { get; set; }
    public TallyKind Kind { get; set; }

    /// <summary>For a handout, its kind (宣传手册, 环保袋); for a head-count, who was counted (居民, 企业员工).</summary>
    public string Label { get; set; } = "";
    public int Count { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";

    public static string KindLabel(TallyKind kind) => kind switch
    {
        TallyKind.HeadCount => "现场人数",
        TallyKind.Handout => "发放资料",
    };
}
