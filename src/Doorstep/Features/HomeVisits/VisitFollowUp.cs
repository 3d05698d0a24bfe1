using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.HomeVisits;

public enum FollowUpStatus
{
    /// <summary>待办理.</summary>
    Open,
    /// <summary>办理中.</summary>
    InProgress,
    /// <summary>已答复.</summary>
    Answered,
}

/// <summary>
/// 建言献策的跟进: one suggestion a member made at a visit, with who answers it, how it stands and the
/// answer. The sub-district handles them; the member's area reads how theirs stand.
/// </summary>
public class VisitFollowUp : IVersioned, IScoped<VisitFollowUp>
{
    public static ScopeDeclaration<VisitFollowUp> Scope { get; } = new ScopeDeclaration<VisitFollowUp>()
        .ReadWrite(ScopeKind.SubDistrict, f => f.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, f => f.AreaId);

    public int Id { get; set; }
    public int VisitId { get; set; }
    public int CampaignId { get; set; }
    public int MemberId { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public required string Suggestion { get; set; }
    public string? Owner { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? Answer { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public int Version { get; set; }

    public static string Label(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "待办理",
        FollowUpStatus.InProgress => "办理中",
        FollowUpStatus.Answered => "已答复",
    };
}
