using System.Globalization;
using System.Linq.Expressions;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;

namespace Doorstep.Features.HomeVisits;

public enum CampaignStatus
{
    /// <summary>草稿: the rule is being written; no tasks yet.</summary>
    Draft,
    /// <summary>进行中: tasks exist and membership is kept true by <see cref="VisitReconciliation"/>.</summary>
    Running,
    /// <summary>已结束: no new tasks; the record stays for coverage and the ledger.</summary>
    Ended,
}

/// <summary>
/// 送学上门活动: a sub-district's campaign to bring a study package to members who cannot come to the
/// branch. Its target rule over member files (<see cref="TargetRule"/>) decides who gets a visit task.
/// </summary>
public class VisitCampaign : IVersioned, IScoped<VisitCampaign>
{
    /// <summary>The sub-district runs its campaigns; the areas' cadres read them (a title, a package: nothing personal).</summary>
    public static ScopeDeclaration<VisitCampaign> Scope { get; } = new ScopeDeclaration<VisitCampaign>()
        .ReadWrite(ScopeKind.SubDistrict, c => c.SubDistrictId)
        .ReadAll(ScopeKind.ResidentialArea);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>The package's items, one a line (《中国共产党简史》…): the visit form's checkboxes.</summary>
    public string Package { get; set; } = "";

    /// <summary>年龄 ≥ N; with <see cref="CareNeeds"/> either one suffices.</summary>
    public int? MinAge { get; set; }

    /// <summary>党龄 ≥ N, counted from 转正; always required when set.</summary>
    public int? MinPartyAge { get; set; }

    /// <summary>Any of these needs qualifies (视力减弱 …); with <see cref="MinAge"/> either one suffices.</summary>
    public CareNeeds CareNeeds { get; set; }

    /// <summary>The areas taking part, ids separated by commas: a short list read whole with the campaign.</summary>
    public string AreaIds { get; set; } = "";

    public CampaignStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? StartedAt { get; set; }
    public string? StartedBy { get; set; }

    /// <summary>The job creating the tasks when the campaign starts, for its progress.</summary>
    public long? StartJobId { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> PackageItems => ItemsOf(Package);

    /// <summary>The items of a package as stored, one to a line.</summary>
    public static IReadOnlyList<string> ItemsOf(string package) =>
        package.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<int> Areas =>
        AreaIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();

    public static string JoinAreas(IEnumerable<int> ids) =>
        string.Join(",", ids.Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public TargetRule Rule => new(MinAge, MinPartyAge, CareNeeds, Areas);

    public static string Label(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "草稿",
        CampaignStatus.Running => "进行中",
        CampaignStatus.Ended => "已结束",
    };
}

/// <summary>
/// 走访对象条件: status 正常, file held in one of the areas, party age ≥ N when set, and age ≥ N or any
/// of the care needs (either one, when both are set: "over 80 or low vision"). One expression, so the
/// live count, the start job and the reconciliation agree by construction.
/// </summary>
public sealed record TargetRule(int? MinAge, int? MinPartyAge, CareNeeds CareNeeds, IReadOnlyList<int> Areas)
{
    public Expression<Func<Member, bool>> Matches(DateOnly today)
    {
        var areas = Areas.ToList();
        var bornBy = MinAge is { } age ? today.AddYears(-age) : DateOnly.MaxValue;
        var fullBy = MinPartyAge is { } years ? today.AddYears(-years) : DateOnly.MaxValue;
        var needs = CareNeeds;
        var byAge = MinAge is not null;
        var byNeeds = needs != CareNeeds.None;
        var byPartyAge = MinPartyAge is not null;
        return m => m.Status == MemberStatus.Normal
            && m.OrgUnitAreaId != null && areas.Contains(m.OrgUnitAreaId.Value)
            && (!byPartyAge || (m.FullMemberOn != null && m.FullMemberOn <= fullBy))
            && ((!byAge && !byNeeds) || (byAge && m.BirthDate <= bornBy) || (byNeeds && (m.CareNeeds & needs) != CareNeeds.None));
    }

    /// <summary>Why the rule as typed cannot be used, or null.</summary>
    public string? Problem() =>
        Areas.Count == 0 ? "请至少选择一个参与的居民区。"
        : MinAge is < 0 or > 120 ? "年龄请填 0 到 120 之间的整数。"
        : MinPartyAge is < 0 or > 100 ? "党龄请填 0 到 100 之间的整数。"
        : null;
}
