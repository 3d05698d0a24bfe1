using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Inspections;

/// <summary>How the audit page shows a problem spot: named by its category and place, states and reporters in words.</summary>
public sealed class ProblemSpotAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(ProblemSpot);
    public override string Label => "创文问题";
    public override int Order => 60;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ProblemSpot.SubDistrictId)] = "街道",
        [nameof(ProblemSpot.AreaId)] = "居民区",
        [nameof(ProblemSpot.CategoryId)] = "问题类别",
        [nameof(ProblemSpot.InspectionPointId)] = "点位",
        [nameof(ProblemSpot.Description)] = "问题描述",
        [nameof(ProblemSpot.Address)] = "地址或地标",
        [nameof(ProblemSpot.PlanX)] = "平面图横坐标",
        [nameof(ProblemSpot.PlanY)] = "平面图纵坐标",
        [nameof(ProblemSpot.ReporterKind)] = "反映人类别",
        [nameof(ProblemSpot.ReporterName)] = "反映人",
        [nameof(ProblemSpot.ReporterVolunteerId)] = "反映的志愿者（名册记录）",
        [nameof(ProblemSpot.ResidentPhoneCipher)] = "来电居民电话",
        [nameof(ProblemSpot.ResidentPhoneHash)] = null,
        [nameof(ProblemSpot.ResidentPhoneTail)] = null,
        [nameof(ProblemSpot.ResidentPhoneAreaCode)] = null,
        [nameof(ProblemSpot.Status)] = "状态",
        [nameof(ProblemSpot.Priority)] = "我也反映次数",
        [nameof(ProblemSpot.DepartmentId)] = "责任部门",
        [nameof(ProblemSpot.ResponsiblePerson)] = "责任人",
        [nameof(ProblemSpot.ReportedAt)] = "登记时间",
        [nameof(ProblemSpot.ReportedBy)] = "登记人",
        [nameof(ProblemSpot.DispatchedAt)] = "派单时间",
        [nameof(ProblemSpot.DueAt)] = "整改时限",
        [nameof(ProblemSpot.StartedAt)] = "开始整改时间",
        [nameof(ProblemSpot.FixedAt)] = "整改完成时间",
        [nameof(ProblemSpot.FixedBy)] = "整改人",
        [nameof(ProblemSpot.FixedByUserId)] = null,
        [nameof(ProblemSpot.FixNote)] = "整改说明",
        [nameof(ProblemSpot.VerifiedAt)] = "验收时间",
        [nameof(ProblemSpot.VerifiedBy)] = "验收人",
        [nameof(ProblemSpot.ReopenCount)] = "退回次数",
        [nameof(ProblemSpot.LastReason)] = "原因",
        [nameof(ProblemSpot.EscalatedAt)] = "升级到街道时间",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ProblemSpot.SubDistrictId) => "SubDistrict",
        nameof(ProblemSpot.AreaId) => "ResidentialArea",
        nameof(ProblemSpot.DepartmentId) => "Department",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(ProblemSpot.Status) when Enum.TryParse<SpotStatus>(value, out var status) => ProblemSpot.Label(status),
        nameof(ProblemSpot.ReporterKind) when Enum.TryParse<ReporterKind>(value, out var kind) => ProblemSpot.Label(kind),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<ProblemSpot>().AsNoTracking().Where(s => numbers.Contains(s.Id))
            .Select(s => new { s.Id, Category = s.Category!.Name, s.Address })
            .ToDictionaryAsync(s => Key(s.Id), s => $"{s.Category}：{s.Address}");
    }
}

/// <summary>A step in a spot's history.</summary>
public sealed class SpotUpdateAuditLabels : AuditSubject
{
    public override string EntityType => nameof(SpotUpdate);
    public override string Label => "创文问题办理记录";
    public override int Order => 61;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(SpotUpdate.ProblemSpotId)] = "问题编号",
        [nameof(SpotUpdate.Step)] = "步骤",
        [nameof(SpotUpdate.Status)] = "办理后状态",
        [nameof(SpotUpdate.At)] = "时间",
        [nameof(SpotUpdate.By)] = "办理人",
        [nameof(SpotUpdate.Note)] = "说明",
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(SpotUpdate.Step) when Enum.TryParse<SpotStep>(value, out var step) => SpotUpdate.Label(step),
        nameof(SpotUpdate.Status) when Enum.TryParse<SpotStatus>(value, out var status) => ProblemSpot.Label(status),
        _ => null,
    };
}

public sealed class InspectionCategoryAuditLabels : AuditSubject
{
    public override string EntityType => nameof(InspectionCategory);
    public override string Label => "创文问题类别";
    public override int Order => 62;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(InspectionCategory.SubDistrictId)] = "街道",
        [nameof(InspectionCategory.Name)] = "名称",
        [nameof(InspectionCategory.DefaultDeadlineHours)] = "默认整改时限（小时）",
        [nameof(InspectionCategory.Order)] = "排序",
        [nameof(InspectionCategory.Retired)] = "已停用",
    };

    public override string? ReferenceOf(string field) => field == nameof(InspectionCategory.SubDistrictId) ? "SubDistrict" : null;
}

/// <summary>A row of the responsibility matrix (责任细化).</summary>
public sealed class ResponsibilityRuleAuditLabels : AuditSubject
{
    public override string EntityType => nameof(ResponsibilityRule);
    public override string Label => "创文责任清单";
    public override int Order => 63;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ResponsibilityRule.SubDistrictId)] = "街道",
        [nameof(ResponsibilityRule.AreaId)] = "居民区",
        [nameof(ResponsibilityRule.CategoryId)] = "问题类别",
        [nameof(ResponsibilityRule.DepartmentId)] = "责任部门",
        [nameof(ResponsibilityRule.ResponsiblePerson)] = "责任人",
        [nameof(ResponsibilityRule.DeadlineHours)] = "整改时限（小时）",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ResponsibilityRule.SubDistrictId) => "SubDistrict",
        nameof(ResponsibilityRule.AreaId) => "ResidentialArea",
        nameof(ResponsibilityRule.DepartmentId) => "Department",
        _ => null,
    };
}

public sealed class InspectionPointAuditLabels : AuditSubject
{
    public override string EntityType => nameof(InspectionPoint);
    public override string Label => "创文巡查点位";
    public override int Order => 64;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(InspectionPoint.SubDistrictId)] = "街道",
        [nameof(InspectionPoint.AreaId)] = "居民区",
        [nameof(InspectionPoint.Name)] = "点位名称",
        [nameof(InspectionPoint.PlanX)] = "平面图横坐标",
        [nameof(InspectionPoint.PlanY)] = "平面图纵坐标",
        [nameof(InspectionPoint.Order)] = "巡查顺序",
        [nameof(InspectionPoint.Retired)] = "已停用",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(InspectionPoint.SubDistrictId) => "SubDistrict",
        nameof(InspectionPoint.AreaId) => "ResidentialArea",
        _ => null,
    };
}

public sealed class InspectionRoundAuditLabels : AuditSubject
{
    public override string EntityType => nameof(InspectionRound);
    public override string Label => "创文巡查安排";
    public override int Order => 65;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(InspectionRound.SubDistrictId)] = "街道",
        [nameof(InspectionRound.AreaId)] = "居民区",
        [nameof(InspectionRound.Weekday)] = "巡查日",
        [nameof(InspectionRound.StartsOn)] = "开始日期",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(InspectionRound.SubDistrictId) => "SubDistrict",
        nameof(InspectionRound.AreaId) => "ResidentialArea",
        _ => null,
    };

    public override string? Show(string field, string value) =>
        field == nameof(InspectionRound.Weekday) && Enum.TryParse<DayOfWeek>(value, out var day) ? InspectionRound.Label(day) : null;
}

public sealed class RoundWalkAuditLabels : AuditSubject
{
    public override string EntityType => nameof(RoundWalk);
    public override string Label => "创文巡查记录";
    public override int Order => 66;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(RoundWalk.SubDistrictId)] = "街道",
        [nameof(RoundWalk.AreaId)] = "居民区",
        [nameof(RoundWalk.Date)] = "巡查日期",
        [nameof(RoundWalk.Inspector)] = "巡查人",
        [nameof(RoundWalk.StartedAt)] = "开始时间",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(RoundWalk.SubDistrictId) => "SubDistrict",
        nameof(RoundWalk.AreaId) => "ResidentialArea",
        _ => null,
    };
}

public sealed class PointCheckAuditLabels : AuditSubject
{
    public override string EntityType => nameof(PointCheck);
    public override string Label => "创文点位巡查结果";
    public override int Order => 67;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(PointCheck.RoundWalkId)] = "巡查记录",
        [nameof(PointCheck.InspectionPointId)] = "点位",
        [nameof(PointCheck.Clean)] = "整洁",
        [nameof(PointCheck.ProblemSpotId)] = "登记的问题",
        [nameof(PointCheck.CheckedAt)] = "巡查时间",
    };
}

public sealed class AreaPlanAuditLabels : AuditSubject
{
    public override string EntityType => nameof(AreaPlan);
    public override string Label => "居民区平面图";
    public override int Order => 68;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(AreaPlan.SubDistrictId)] = "街道",
        [nameof(AreaPlan.AreaId)] = "居民区",
        [nameof(AreaPlan.StoredFileId)] = "图片",
        [nameof(AreaPlan.Width)] = "宽（像素）",
        [nameof(AreaPlan.Height)] = "高（像素）",
        [nameof(AreaPlan.UploadedAt)] = "上传时间",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(AreaPlan.SubDistrictId) => "SubDistrict",
        nameof(AreaPlan.AreaId) => "ResidentialArea",
        _ => null,
    };
}
