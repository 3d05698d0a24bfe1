using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Inspections;

/// <summary>问题类别 (卫生死角, 楼道堆物 …): the sub-district's own list; a retired one keeps its spots but takes no new ones.</summary>
public class InspectionCategory : IScoped<InspectionCategory>
{
    /// <summary>Names only: every area, department and volunteer of any sub-district may read them (pages narrow to the user's own).</summary>
    public static ScopeDeclaration<InspectionCategory> Scope { get; } = new ScopeDeclaration<InspectionCategory>()
        .ReadWrite(ScopeKind.SubDistrict, c => c.SubDistrictId)
        .ReadAll(ScopeKind.ResidentialArea)
        .ReadAll(ScopeKind.Department)
        .ReadAll(ScopeKind.Volunteer);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public required string Name { get; set; }

    /// <summary>The hours a new row of the matrix proposes for this category (24 h for hygiene, 72 h for facilities).</summary>
    public int DefaultDeadlineHours { get; set; } = 48;
    public int Order { get; set; }
    public bool Retired { get; set; }

    /// <summary>The demo's and a new sub-district's starting list, with their usual hours.</summary>
    public static readonly IReadOnlyList<(string Name, int Hours)> Starting =
    [
        ("卫生死角", 24), ("楼道堆物", 48), ("乱张贴", 24), ("非机动车乱停", 24), ("设施损坏", 72), ("交通秩序", 48),
    ];
}

/// <summary>责任细化: for one area and one category, the responsible department and person and the deadline in hours.</summary>
public class ResponsibilityRule : IScoped<ResponsibilityRule>
{
    public static ScopeDeclaration<ResponsibilityRule> Scope { get; } = new ScopeDeclaration<ResponsibilityRule>()
        .ReadWrite(ScopeKind.SubDistrict, r => r.SubDistrictId)
        .Read(ScopeKind.ResidentialArea, r => r.AreaId)
        .Read(ScopeKind.Department, r => r.DepartmentId);

    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int AreaId { get; set; }
    public int CategoryId { get; set; }
    public int DepartmentId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public int DeadlineHours { get; set; }
}

/// <summary>What happened to a spot at one step (登记, 派单, 整改 …): the spot's history, and Open311's “updates”.</summary>
public enum SpotStep
{
    Registered,
    Dispatched,
    Rerouted,
    Started,
    Fixed,
    Verified,
    Reopened,
    Declined,
    MeToo,
    Escalated,
}

/// <summary>
/// One step in a spot's history, with its note and photos (StoredFile owner “SpotUpdate:id”: the
/// registration's are the before-photos, the fix's the after-photos). Carries no place key: it is read
/// only for spots already found through the scoped ProblemSpots set.
/// </summary>
public class SpotUpdate
{
    public int Id { get; set; }
    public int ProblemSpotId { get; set; }
    public SpotStep Step { get; set; }

    /// <summary>The spot's status after this step.</summary>
    public SpotStatus Status { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }

    public string PhotoOwner => StoredFileOwner(Id);

    public static string StoredFileOwner(int id) => Doorstep.Infrastructure.Files.StoredFile.OwnerOf(nameof(SpotUpdate), id);

    public static string Label(SpotStep step) => step switch
    {
        SpotStep.Registered => "登记",
        SpotStep.Dispatched => "派单",
        SpotStep.Rerouted => "改派",
        SpotStep.Started => "开始整改",
        SpotStep.Fixed => "整改完成",
        SpotStep.Verified => "验收销号",
        SpotStep.Reopened => "退回重新整改",
        SpotStep.Declined => "不属于本部门",
        SpotStep.MeToo => "我也反映",
        SpotStep.Escalated => "超期升级到街道",
    };
}
