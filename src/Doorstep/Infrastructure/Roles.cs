namespace Doorstep.Infrastructure;

/// <summary>The roles of Doorstep. A user holds one; it decides both what they may do and their data scope.</summary>
public static class Roles
{
    public const string SubDistrictAdmin = "SubDistrictAdmin";
    public const string AreaCadre = "AreaCadre";
    public const string TemporaryBranchSecretary = "TemporaryBranchSecretary";
    public const string DepartmentHandler = "DepartmentHandler";
    public const string Volunteer = "Volunteer";

    public static readonly IReadOnlyList<string> All =
        [SubDistrictAdmin, AreaCadre, TemporaryBranchSecretary, DepartmentHandler, Volunteer];

    public static string Label(string role) => role switch
    {
        SubDistrictAdmin => "街道管理员",
        AreaCadre => "居民区干部",
        TemporaryBranchSecretary => "临时党支部书记",
        DepartmentHandler => "部门经办人",
        Volunteer => "志愿者",
        _ => role,
    };
}
