using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

/// <summary>A person who signs in. The role (an Identity role) and the ids below decide their data scope.</summary>
public class UserAccount : IdentityUser
{
    public required string DisplayName { get; set; }
    public int SubDistrictId { get; set; }

    /// <summary>For an area cadre: the residential area.</summary>
    public int? ResidentialAreaId { get; set; }

    /// <summary>For a temporary-branch secretary: the temporary branch.</summary>
    public int? OrgUnitId { get; set; }

    /// <summary>For a department handler: the department.</summary>
    public int? DepartmentId { get; set; }
}
