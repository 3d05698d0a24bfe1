using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>How a member would rather study than listen on a phone.</summary>
public enum StudyPreference
{
    /// <summary>纸质材料: prints, large type.</summary>
    Paper,
    /// <summary>上门送学: someone reads with them at home.</summary>
    Visit,
}

/// <summary>A member the area marked as preferring paper or visits: the report lists them apart, not as "not started".</summary>
public class ListeningPreference : IScoped<ListeningPreference>
{
    public static ScopeDeclaration<ListeningPreference> Scope { get; } = new ScopeDeclaration<ListeningPreference>()
        .ReadWrite(ScopeKind.SubDistrict, p => p.SubDistrictId)
        .ReadWrite(ScopeKind.ResidentialArea, (p, area) => p.Member.OrgUnitAreaId == area);

    public int Id { get; set; }
    public int MemberId { get; set; }
    public Member Member { get; set; } = null!;
    public int SubDistrictId { get; set; }
    public StudyPreference Prefers { get; set; }
    public DateTime MarkedAt { get; set; }
    public string? MarkedBy { get; set; }

    public static string Label(StudyPreference preference) => preference switch
    {
        StudyPreference.Paper => "喜欢纸质材料",
        StudyPreference.Visit => "喜欢上门送学",
    };
}
