using Doorstep.Data;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>How the audit page shows an activity: by its title, kinds and rules in words.</summary>
public sealed class ActivityAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(Activity);
    public override string Label => "活动";
    public override int Order => 45;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(Activity.SubDistrictId)] = "街道",
        [nameof(Activity.AreaId)] = "居民区",
        [nameof(Activity.DriveKey)] = null,
        [nameof(Activity.Kind)] = "类型",
        [nameof(Activity.Title)] = "名称",
        [nameof(Activity.OrganiserOrgUnitId)] = "主办党组织",
        [nameof(Activity.OrganiserDepartmentId)] = "主办部门",
        [nameof(Activity.Partner)] = "协办单位",
        [nameof(Activity.Place)] = "地点",
        [nameof(Activity.Zones)] = "功能区",
        [nameof(Activity.Audience)] = "参加对象",
        [nameof(Activity.Capacity)] = "名额",
        [nameof(Activity.Description)] = "内容",
        [nameof(Activity.StartsOn)] = "日期",
        [nameof(Activity.StartTime)] = "开始时间",
        [nameof(Activity.Minutes)] = "时长（分钟）",
        [nameof(Activity.Repeat)] = "重复",
        [nameof(Activity.CustomRule)] = "重复规则",
        [nameof(Activity.RepeatUntil)] = "重复截止",
        [nameof(Activity.SkipHolidays)] = "节假日不举行",
        [nameof(Activity.CreatedAt)] = "创建时间",
        [nameof(Activity.CreatedBy)] = "创建人",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(Activity.SubDistrictId) => "SubDistrict",
        nameof(Activity.OrganiserOrgUnitId) => "OrgUnit",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(Activity.Kind) when Enum.TryParse<ActivityKind>(value, out var kind) => Activity.Label(kind),
        nameof(Activity.Repeat) when Enum.TryParse<RepeatKind>(value, out var repeat) => Activity.Label(repeat),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<Activity>().AsNoTracking().Where(a => numbers.Contains(a.Id)).ToDictionaryAsync(a => Key(a.Id), a => a.Title);
    }
}

/// <summary>A sign-up or check-in, named by the person and the activity's day.</summary>
public sealed class AttendanceAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(Attendance);
    public override string Label => "活动报名与签到";
    public override int Order => 46;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(Attendance.ActivityId)] = "活动",
        [nameof(Attendance.Date)] = "活动日期",
        [nameof(Attendance.SubDistrictId)] = "街道",
        [nameof(Attendance.AreaId)] = null,
        [nameof(Attendance.MemberId)] = "党员",
        [nameof(Attendance.VolunteerId)] = "志愿者",
        [nameof(Attendance.PersonKey)] = null,
        [nameof(Attendance.Name)] = "姓名",
        [nameof(Attendance.OrgUnitId)] = "所在党组织",
        [nameof(Attendance.SignedUpAt)] = "报名时间",
        [nameof(Attendance.CheckedInAt)] = "签到时间",
        [nameof(Attendance.Way)] = "方式",
        [nameof(Attendance.RecordedBy)] = "登记人",
        [nameof(Attendance.ServiceMinutes)] = "志愿服务时长（分钟）",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(Attendance.SubDistrictId) => "SubDistrict",
        nameof(Attendance.ActivityId) => nameof(Activity),
        nameof(Attendance.MemberId) => nameof(Member),
        nameof(Attendance.VolunteerId) => nameof(Volunteer),
        nameof(Attendance.OrgUnitId) => "OrgUnit",
        _ => null,
    };

    public override string? Show(string field, string value) =>
        field == nameof(Attendance.Way) && Enum.TryParse<AttendanceWay>(value, out var way) ? Attendance.Label(way) : null;

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<Attendance>().AsNoTracking().Where(a => numbers.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Activity.Title })
            .ToDictionaryAsync(a => Key(a.Id), a => $"{a.Name}（{a.Title}）");
    }
}

/// <summary>A change to one occurrence: cancelled or moved.</summary>
public sealed class ActivityChangeAuditLabels : AuditSubject
{
    public override string EntityType => nameof(ActivityChange);
    public override string Label => "活动调整";
    public override int Order => 47;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ActivityChange.ActivityId)] = "活动",
        [nameof(ActivityChange.Date)] = "原定日期",
        [nameof(ActivityChange.SubDistrictId)] = "街道",
        [nameof(ActivityChange.AreaId)] = null,
        [nameof(ActivityChange.Cancelled)] = "取消",
        [nameof(ActivityChange.MovedTo)] = "改到日期",
        [nameof(ActivityChange.StartTime)] = "改到时间",
        [nameof(ActivityChange.Place)] = "改到地点",
        [nameof(ActivityChange.Note)] = "说明",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ActivityChange.SubDistrictId) => "SubDistrict",
        nameof(ActivityChange.ActivityId) => nameof(Activity),
        _ => null,
    };
}

/// <summary>A head-count or a handout count.</summary>
public sealed class ActivityTallyAuditLabels : AuditSubject
{
    public override string EntityType => nameof(ActivityTally);
    public override string Label => "活动人数与发放";
    public override int Order => 48;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ActivityTally.ActivityId)] = "活动",
        [nameof(ActivityTally.Date)] = "活动日期",
        [nameof(ActivityTally.SubDistrictId)] = "街道",
        [nameof(ActivityTally.AreaId)] = null,
        [nameof(ActivityTally.Kind)] = "类别",
        [nameof(ActivityTally.Label)] = "项目",
        [nameof(ActivityTally.Count)] = "数量",
        [nameof(ActivityTally.RecordedAt)] = "登记时间",
        [nameof(ActivityTally.RecordedBy)] = "登记人",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ActivityTally.SubDistrictId) => "SubDistrict",
        nameof(ActivityTally.ActivityId) => nameof(Activity),
        _ => null,
    };

    public override string? Show(string field, string value) =>
        field == nameof(ActivityTally.Kind) && Enum.TryParse<TallyKind>(value, out var kind) ? ActivityTally.KindLabel(kind) : null;
}

/// <summary>A volunteer on the roster: the phone as a ciphertext, its hash and tail hidden.</summary>
public sealed class VolunteerAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(Volunteer);
    public override string Label => "志愿者";
    public override int Order => 49;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(Volunteer.SubDistrictId)] = "街道",
        [nameof(Volunteer.AreaId)] = "服务居民区",
        [nameof(Volunteer.MemberId)] = "党员档案",
        [nameof(Volunteer.Name)] = "姓名",
        [nameof(Volunteer.PhoneCipher)] = "联系电话",
        [nameof(Volunteer.PhoneHash)] = null,
        [nameof(Volunteer.PhoneTail)] = null,
        [nameof(Volunteer.PhoneAreaCode)] = null,
        [nameof(Volunteer.Skills)] = "技能",
        [nameof(Volunteer.ConsentOn)] = "本人同意日期",
        [nameof(Volunteer.ConsentRecordedBy)] = "同意登记人",
        [nameof(Volunteer.AccountId)] = "志愿者账号",
        [nameof(Volunteer.Active)] = "在册",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(Volunteer.SubDistrictId) => "SubDistrict",
        nameof(Volunteer.MemberId) => nameof(Member),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<Volunteer>().AsNoTracking().Where(v => numbers.Contains(v.Id)).ToDictionaryAsync(v => Key(v.Id), v => v.Name);
    }
}

/// <summary>A photo of an activity's day: named by the activity and the day.</summary>
public sealed class ActivityPhotoAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(ActivityPhoto);
    public override string Label => "活动照片";
    public override int Order => 48;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ActivityPhoto.ActivityId)] = "活动",
        [nameof(ActivityPhoto.Date)] = "活动日期",
        [nameof(ActivityPhoto.SubDistrictId)] = "街道",
        [nameof(ActivityPhoto.AreaId)] = null,
        [nameof(ActivityPhoto.StoredFileId)] = "文件",
        [nameof(ActivityPhoto.Caption)] = "说明",
        [nameof(ActivityPhoto.UploadedAt)] = "上传时间",
        [nameof(ActivityPhoto.UploadedBy)] = "上传人",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ActivityPhoto.SubDistrictId) => "SubDistrict",
        nameof(ActivityPhoto.ActivityId) => nameof(Activity),
        nameof(ActivityPhoto.StoredFileId) => "StoredFile",
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<ActivityPhoto>().AsNoTracking().Where(p => numbers.Contains(p.Id))
            .Select(p => new { p.Id, p.Date, p.Activity.Title })
            .ToDictionaryAsync(p => Key(p.Id), p => $"{p.Title}（{ChinaTime.Date(p.Date)}）");
    }
}
