namespace Doorstep.Features.Organizations;

public enum OrgUnitKind
{
    /// <summary>街道党工委: top of a sub-district's tree.</summary>
    WorkingCommittee,
    /// <summary>居民区党总支: one per residential area.</summary>
    GeneralBranch,
    /// <summary>党支部: under a general branch.</summary>
    Branch,
    /// <summary>临时党支部: where members now live, across areas; membership is extra to the home branch.</summary>
    TemporaryBranch,
}

/// <summary>A party organisation. A member's file is held by exactly one (组织关系).</summary>
public class OrgUnit
{
    public int Id { get; set; }
    public int SubDistrictId { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public OrgUnitKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The area a general branch or branch belongs to; none for the working committee or a temporary branch.</summary>
    public int? ResidentialAreaId { get; set; }
    public ResidentialArea? ResidentialArea { get; set; }

    /// <summary>Where a temporary branch meets, e.g. 彩虹湾.</summary>
    public string? Place { get; set; }

    /// <summary>The secretary (书记), a member; for a temporary branch also one of its members, e.g. 周菊妹 at 彩虹之嘉.</summary>
    public int? SecretaryMemberId { get; set; }

    public static string KindLabel(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.WorkingCommittee => "街道党工委",
        OrgUnitKind.GeneralBranch => "居民区党总支",
        OrgUnitKind.Branch => "党支部",
        OrgUnitKind.TemporaryBranch => "临时党支部",
    };
}
