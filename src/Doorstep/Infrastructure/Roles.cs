namespace Doorstep.Infrastructure;

/// <summary>The roles of Doorstep. A user holds one; it decides both what they may do and their data scope.</summary>
public static class Roles
{
    public const string SubDistrictAdmin = "SubDistrictAdmin";
    public const string AreaCadre = "AreaCadre";
    public const string TemporaryBranchSecretary = "TemporaryBranchSecretary";
    public const string DepartmentHandler = "DepartmentHandler";
    public const string Volunteer = "Volunteer";

    /// <summary>区委组织部: oversees every sub-district of its district, read only.</summary>
    public const string DistrictOrganizationDepartment = "DistrictOrganizationDepartment";

    /// <summary>
    /// A member signed in by their 随身听 card rather than an account with a password; never created on the
    /// accounts page, so it is not in <see cref="All"/>.
    /// </summary>
    public const string CardHolder = "CardHolder";

    /// <summary>Every role an account can hold.</summary>
    public static readonly IReadOnlyList<string> All =
        [SubDistrictAdmin, AreaCadre, TemporaryBranchSecretary, DepartmentHandler, Volunteer, DistrictOrganizationDepartment];

    /// <summary>
    /// The roles a sub-district admin may give on the accounts page: each reaches no further than the
    /// admin's own sub-district. 区委组织部 reads the whole district, so only the operator's
    /// `create-admin --district-reader` creates it.
    /// </summary>
    public static readonly IReadOnlyList<string> GrantedBySubDistrict =
        [SubDistrictAdmin, AreaCadre, TemporaryBranchSecretary, DepartmentHandler, Volunteer];

    public static string Label(string role) => role switch
    {
        SubDistrictAdmin => "街道管理员",
        AreaCadre => "居民区干部",
        TemporaryBranchSecretary => "临时党支部书记",
        DepartmentHandler => "部门经办人",
        Volunteer => "志愿者",
        DistrictOrganizationDepartment => "区委组织部",
        CardHolder => "随身听卡",
        _ => role,
    };
}
