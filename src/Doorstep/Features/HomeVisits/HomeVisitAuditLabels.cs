using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>How the audit page shows a campaign: by its title, its rule in words.</summary>
public sealed class CampaignAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(VisitCampaign);
    public override string Label => "送学上门活动";
    public override int Order => 50;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(VisitCampaign.SubDistrictId)] = "街道",
        [nameof(VisitCampaign.Title)] = "活动名称",
        [nameof(VisitCampaign.Description)] = "活动说明",
        [nameof(VisitCampaign.StartsOn)] = "开始日期",
        [nameof(VisitCampaign.EndsOn)] = "结束日期",
        [nameof(VisitCampaign.Package)] = "送学物品",
        [nameof(VisitCampaign.MinAge)] = "年龄不低于",
        [nameof(VisitCampaign.MinPartyAge)] = "党龄不低于",
        [nameof(VisitCampaign.CareNeeds)] = "关怀需求",
        [nameof(VisitCampaign.AreaIds)] = "参与居民区",
        [nameof(VisitCampaign.Status)] = "状态",
        [nameof(VisitCampaign.CreatedAt)] = "创建时间",
        [nameof(VisitCampaign.CreatedBy)] = "创建人",
        [nameof(VisitCampaign.StartedAt)] = "启动时间",
        [nameof(VisitCampaign.StartedBy)] = "启动人",
        [nameof(VisitCampaign.StartJobId)] = null,
        [VisitReconciliation.TasksAddedField] = "新增走访任务（项，一次核对或启动合计）",
    };

    public override string? ReferenceOf(string field) => field == nameof(VisitCampaign.SubDistrictId) ? "SubDistrict" : null;

    public override string? Show(string field, string value) => field switch
    {
        nameof(VisitCampaign.Status) when Enum.TryParse<CampaignStatus>(value, out var s) => VisitCampaign.Label(s),
        nameof(VisitCampaign.CareNeeds) when Enum.TryParse<CareNeeds>(value, out var n) => MemberFields.NeedsText(n),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<VisitCampaign>().AsNoTracking().Where(c => numbers.Contains(c.Id)).ToDictionaryAsync(c => Key(c.Id), c => c.Title);
    }
}

/// <summary>A visit task, named by its member.</summary>
public sealed class VisitTaskAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(VisitTask);
    public override string Label => "走访任务";
    public override int Order => 51;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(VisitTask.CampaignId)] = "活动",
        [nameof(VisitTask.MemberId)] = "党员",
        [nameof(VisitTask.SubDistrictId)] = "街道",
        [nameof(VisitTask.AreaId)] = "居民区",
        [nameof(VisitTask.AssignedToId)] = null,
        [nameof(VisitTask.AssignedToName)] = "走访人",
        [nameof(VisitTask.Status)] = "状态",
        [nameof(VisitTask.RevisitOn)] = "再访日期",
        [nameof(VisitTask.LastVisitAt)] = "最近走访时间",
        [nameof(VisitTask.CreatedAt)] = "生成时间",
        [nameof(VisitTask.ClosedReason)] = "关闭原因",
        [nameof(VisitTask.ClosedAt)] = "关闭时间",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(VisitTask.MemberId) => nameof(Member),
        nameof(VisitTask.CampaignId) => nameof(VisitCampaign),
        nameof(VisitTask.SubDistrictId) => "SubDistrict",
        nameof(VisitTask.AreaId) => "ResidentialArea",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(VisitTask.Status) when Enum.TryParse<VisitTaskStatus>(value, out var s) => VisitTask.Label(s),
        nameof(VisitTask.ClosedReason) when Enum.TryParse<TaskClosedReason>(value, out var r) => VisitTask.Label(r),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<VisitTask>().AsNoTracking().Where(t => numbers.Contains(t.Id)).Select(t => new { t.Id, t.Member.Name }).ToDictionaryAsync(t => Key(t.Id), t => t.Name);
    }
}

/// <summary>A visit, named by its member and outcome.</summary>
public sealed class HomeVisitAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(HomeVisit);
    public override string Label => "走访记录";
    public override int Order => 52;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(HomeVisit.IdempotencyKey)] = null,
        [nameof(HomeVisit.TaskId)] = null,
        [nameof(HomeVisit.CampaignId)] = "活动",
        [nameof(HomeVisit.MemberId)] = "党员",
        [nameof(HomeVisit.SubDistrictId)] = "街道",
        [nameof(HomeVisit.AreaId)] = "居民区",
        [nameof(HomeVisit.Outcome)] = "走访结果",
        [nameof(HomeVisit.RevisitOn)] = "再访日期",
        [nameof(HomeVisit.ItemsDelivered)] = "送达物品",
        [nameof(HomeVisit.TaughtListening)] = "教会手机收听",
        [nameof(HomeVisit.StudyNotes)] = "学习心得",
        [nameof(HomeVisit.Memories)] = "入党往事",
        [nameof(HomeVisit.Suggestions)] = "建言献策",
        [nameof(HomeVisit.PhotoFileId)] = "照片",
        [nameof(HomeVisit.VisitedAt)] = "走访时间",
        [nameof(HomeVisit.VisitedBy)] = "走访人",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(HomeVisit.MemberId) => nameof(Member),
        nameof(HomeVisit.CampaignId) => nameof(VisitCampaign),
        nameof(HomeVisit.SubDistrictId) => "SubDistrict",
        nameof(HomeVisit.AreaId) => "ResidentialArea",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(HomeVisit.Outcome) when Enum.TryParse<VisitOutcome>(value, out var o) => HomeVisit.Label(o),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.Set<HomeVisit>().AsNoTracking().Where(v => numbers.Contains(v.Id))
            .Select(v => new { v.Id, v.Task.Member.Name })
            .ToDictionaryAsync(v => Key(v.Id), v => v.Name);
    }
}

/// <summary>A follow-up, named by the start of the suggestion.</summary>
public sealed class FollowUpAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(VisitFollowUp);
    public override string Label => "建言献策跟进";
    public override int Order => 53;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(VisitFollowUp.VisitId)] = null,
        [nameof(VisitFollowUp.CampaignId)] = "活动",
        [nameof(VisitFollowUp.MemberId)] = "党员",
        [nameof(VisitFollowUp.SubDistrictId)] = "街道",
        [nameof(VisitFollowUp.AreaId)] = "居民区",
        [nameof(VisitFollowUp.Suggestion)] = "建议内容",
        [nameof(VisitFollowUp.Owner)] = "负责人",
        [nameof(VisitFollowUp.Status)] = "状态",
        [nameof(VisitFollowUp.Answer)] = "答复",
        [nameof(VisitFollowUp.CreatedAt)] = "提出时间",
        [nameof(VisitFollowUp.AnsweredAt)] = "答复时间",
        [nameof(VisitFollowUp.AnsweredBy)] = "答复人",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(VisitFollowUp.MemberId) => nameof(Member),
        nameof(VisitFollowUp.CampaignId) => nameof(VisitCampaign),
        nameof(VisitFollowUp.SubDistrictId) => "SubDistrict",
        nameof(VisitFollowUp.AreaId) => "ResidentialArea",
        _ => null,
    };

    public override string? Show(string field, string value) => field switch
    {
        nameof(VisitFollowUp.Status) when Enum.TryParse<FollowUpStatus>(value, out var s) => VisitFollowUp.Label(s),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        var rows = await db.Set<VisitFollowUp>().AsNoTracking().Where(f => numbers.Contains(f.Id)).Select(f => new { f.Id, f.Suggestion }).ToListAsync();
        return rows.ToDictionary(f => Key(f.Id), f => f.Suggestion.Length > 20 ? f.Suggestion[..20] + "…" : f.Suggestion);
    }
}
