using System.Globalization;
using System.Security.Claims;

namespace Doorstep.Infrastructure;

public enum ScopeKind
{
    /// <summary>Sees no member data: anonymous requests, volunteers, department handlers.</summary>
    Nobody,
    /// <summary>System work outside a request: migrations, seeding, commands.</summary>
    Everything,
    SubDistrict,
    ResidentialArea,
    TemporaryBranch,
}

/// <summary>
/// The slice of data a user may read and change. Applied once, as query filters on DoorstepDb,
/// so that no page can forget it and no guessed ID reaches past it.
/// </summary>
public sealed record DataScope(ScopeKind Kind, int SubDistrictId = 0, int ResidentialAreaId = 0, int OrgUnitId = 0, int DepartmentId = 0)
{
    public static readonly DataScope Nobody = new(ScopeKind.Nobody);
    public static readonly DataScope Everything = new(ScopeKind.Everything);

    /// <summary>Claim types carried in the sign-in cookie; written by the accounts feature.</summary>
    public static class Claims
    {
        public const string SubDistrict = "doorstep:sub-district";
        public const string ResidentialArea = "doorstep:residential-area";
        public const string OrgUnit = "doorstep:org-unit";
        public const string Department = "doorstep:department";
    }

    public static DataScope For(ClaimsPrincipal user)
    {
        var subDistrict = Read(user, Claims.SubDistrict);
        if (user.IsInRole(Roles.SubDistrictAdmin))
        {
            return new DataScope(ScopeKind.SubDistrict, subDistrict);
        }

        if (user.IsInRole(Roles.AreaCadre) && Read(user, Claims.ResidentialArea) is > 0 and var area)
        {
            return new DataScope(ScopeKind.ResidentialArea, subDistrict, ResidentialAreaId: area);
        }

        if (user.IsInRole(Roles.TemporaryBranchSecretary) && Read(user, Claims.OrgUnit) is > 0 and var branch)
        {
            return new DataScope(ScopeKind.TemporaryBranch, subDistrict, OrgUnitId: branch);
        }

        return new DataScope(ScopeKind.Nobody, subDistrict, DepartmentId: Read(user, Claims.Department));
    }

    private static int Read(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
