using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.HomeVisits;

public enum VisitOutcome
{
    /// <summary>已走访: delivered to the member in person.</summary>
    Visited,
    /// <summary>家属代收.</summary>
    ReceivedByFamily,
    NotAtHome,
    Declined,
    InHospital,
}

/// <summary>
/// 一次走访: what a cadre recorded at the door. Written once per <see cref="IdempotencyKey"/> (unique),
/// which the form carries from the moment it opens, so a resend after a lost answer finds the first
/// one instead of writing a second visit (ADR 0017).
/// </summary>
public class HomeVisit : IScoped<HomeVisit>
{
    public static ScopeDeclaration<HomeVisit> Scope { get; } = new ScopeDeclaration<HomeVisit>()
        .ReadWrite(ScopeKind.SubDistrict, v => v.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, v => v.AreaId);

    public int Id { get; set; }
    public Guid IdempotencyKey { get; set; }
    public int TaskId { get; set; }
    public VisitTask Task { get; set; } = null!;
    public int CampaignId { get; set; }
    public int MemberId { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }

    public VisitOutcome Outcome { get; set; }
    public DateOnly? RevisitOn { get; set; }

    /// <summary>The package items handed over, one a line, as the campaign named them.</summary>
    public string ItemsDelivered { get; set; } = "";
    public bool TaughtListening { get; set; }

    /// <summary>学习心得.</summary>
    public string? StudyNotes { get; set; }

    /// <summary>入党往事.</summary>
    public string? Memories { get; set; }

    /// <summary>建言献策: becomes a <see cref="VisitFollowUp"/>.</summary>
    public string? Suggestions { get; set; }

    public Guid? PhotoFileId { get; set; }
    public DateTime VisitedAt { get; set; }
    public string VisitedBy { get; set; } = "";

    public static bool AsksForRevisit(VisitOutcome outcome) => outcome is VisitOutcome.NotAtHome or VisitOutcome.Declined or VisitOutcome.InHospital;

    public static string Label(VisitOutcome outcome) => outcome switch
    {
        VisitOutcome.Visited => "已走访",
        VisitOutcome.ReceivedByFamily => "家属代收",
        VisitOutcome.NotAtHome => "不在家",
        VisitOutcome.Declined => "婉拒",
        VisitOutcome.InHospital => "住院",
    };
}
