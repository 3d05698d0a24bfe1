using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.HomeVisits;

public enum VisitTaskStatus
{
    /// <summary>待走访.</summary>
    Open,
    /// <summary>待再访: the last visit found nobody, was declined, or the member was in hospital.</summary>
    Revisit,
    /// <summary>已走访 (in person or received by family).</summary>
    Done,
    /// <summary>已关闭: the member left the rule; <see cref="VisitTask.ClosedReason"/> says why.</summary>
    Closed,
}

public enum TaskClosedReason
{
    TransferredOut,
    Deceased,
    /// <summary>The file moved to an area that does not take part.</summary>
    LeftAreas,
    NoLongerMatches,
}

/// <summary>
/// 走访任务: one member to visit in one campaign, in the member's area (组织关系所在居民区), assigned to a
/// cadre of that area. One per campaign and member (unique index); closed, never deleted, when the
/// member leaves the rule, so coverage can always say why someone was not visited.
/// </summary>
public class VisitTask : IScoped<VisitTask>
{
    /// <summary>A visit task belongs to the member's area; the sub-district sees all of its own.</summary>
    public static ScopeDeclaration<VisitTask> Scope { get; } = new ScopeDeclaration<VisitTask>()
        .ReadWrite(ScopeKind.SubDistrict, t => t.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, t => t.AreaId);

    public int Id { get; set; }
    public int CampaignId { get; set; }
    public VisitCampaign Campaign { get; set; } = null!;
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }

    /// <summary>The cadre's account (UserAccount.Id), and the name as shown.</summary>
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    public VisitTaskStatus Status { get; set; }

    /// <summary>For 待再访: the day agreed for the next try.</summary>
    public DateOnly? RevisitOn { get; set; }
    public DateTime? LastVisitAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public TaskClosedReason? ClosedReason { get; set; }
    public DateTime? ClosedAt { get; set; }

    public bool IsOutstanding => Status is VisitTaskStatus.Open or VisitTaskStatus.Revisit;

    public static string Label(VisitTaskStatus status) => status switch
    {
        VisitTaskStatus.Open => "待走访",
        VisitTaskStatus.Revisit => "待再访",
        VisitTaskStatus.Done => "已走访",
        VisitTaskStatus.Closed => "已关闭",
    };

    public static string Label(TaskClosedReason reason) => reason switch
    {
        TaskClosedReason.TransferredOut => "已转出",
        TaskClosedReason.Deceased => "已故",
        TaskClosedReason.LeftAreas => "组织关系转到未参与的居民区",
        TaskClosedReason.NoLongerMatches => "不再符合走访条件",
    };

    /// <summary>Why a member whose file no longer matches leaves the campaign, in order of what explains most.</summary>
    public static TaskClosedReason ReasonFor(MemberStatus status, int? areaId, IReadOnlyList<int> areas) =>
        status == MemberStatus.TransferredOut ? TaskClosedReason.TransferredOut
        : status == MemberStatus.Deceased ? TaskClosedReason.Deceased
        : areaId is not { } area || !areas.Contains(area) ? TaskClosedReason.LeftAreas
        : TaskClosedReason.NoLongerMatches;
}
