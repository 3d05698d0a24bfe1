using System.Globalization;
using System.Security.Claims;

namespace Doorstep.Infrastructure;

public enum ScopeKind
{
    /// <summary>Sees nothing: anonymous requests, volunteer accounts not yet linked to a roster record, and work outside a request that did not ask for a scope.</summary>
    Nobody,
    /// <summary>System work that asked for it by name (<see cref="CurrentUser.System"/>): migrations, seeding, commands.</summary>
    Everything,
    SubDistrict,
    ResidentialArea,
    TemporaryBranch,
    /// <summary>区委组织部: every sub-district of the district of the user's own, read only.</summary>
    District,
    /// <summary>部门经办人: the records whose DepartmentId is the user's department.</summary>
    Department,
    /// <summary>随身听 card holder (signed in by their card, not a password): their own member's records.</summary>
    MemberCard,
    /// <summary>志愿者 (ADR 0019): their own volunteer record, their own sign-ups and hours, nothing else.</summary>
    Volunteer,
}

/// <summary>
/// The slice of data a user may read and change. Applied once by DoorstepDb, from each entity's
/// declaration (ScopeDeclaration), so that no page can forget it and no guessed ID reaches past it.
/// </summary>
public sealed record DataScope(
    ScopeKind Kind, int SubDistrictId = 0, int ResidentialAreaId = 0, int OrgUnitId = 0, int DepartmentId = 0, int MemberId = 0, int VolunteerId = 0)
{
    public static readonly DataScope Nobody = new(ScopeKind.Nobody);
    public static readonly DataScope Everything = new(ScopeKind.Everything);

    /// <summary>Oversight reads and never writes: the guard refuses every change made in this scope.</summary>
    public bool IsReadOnly => Kind == ScopeKind.District;

    /// <summary>
    /// The id an entity's key is compared with for this kind of scope: a district user's is their own
    /// sub-district, from which the district is found.
    /// </summary>
    public int Id => Kind switch
    {
        ScopeKind.SubDistrict or ScopeKind.District => SubDistrictId,
        ScopeKind.ResidentialArea => ResidentialAreaId,
        ScopeKind.TemporaryBranch => OrgUnitId,
        ScopeKind.Department => DepartmentId,
        ScopeKind.MemberCard => MemberId,
        ScopeKind.Volunteer => VolunteerId,
        ScopeKind.Nobody or ScopeKind.Everything => 0,
    };

    /// <summary>Claim types carried in the sign-in cookie; written by the accounts feature (and the 随身听 card sign-in).</summary>
    public static class Claims
    {
        public const string SubDistrict = "doorstep:sub-district";
        public const string ResidentialArea = "doorstep:residential-area";
        public const string OrgUnit = "doorstep:org-unit";
        public const string Department = "doorstep:department";
        public const string Member = "doorstep:member";

        /// <summary>The volunteer record a 志愿者 account speaks for: a claim stored with the account when the roster opens it.</summary>
        public const string Volunteer = "doorstep:volunteer";
    }

    public static DataScope For(ClaimsPrincipal user)
    {
        var subDistrict = Read(user, Claims.SubDistrict);
        if (user.IsInRole(Roles.SubDistrictAdmin))
        {
            return new DataScope(ScopeKind.SubDistrict, subDistrict);
        }

        if (user.IsInRole(Roles.DistrictOrganizationDepartment) && subDistrict > 0)
        {
            return new DataScope(ScopeKind.District, subDistrict);
        }

        if (user.IsInRole(Roles.AreaCadre) && Read(user, Claims.ResidentialArea) is > 0 and var area)
        {
            return new DataScope(ScopeKind.ResidentialArea, subDistrict, ResidentialAreaId: area);
        }

        if (user.IsInRole(Roles.TemporaryBranchSecretary) && Read(user, Claims.OrgUnit) is > 0 and var branch)
        {
            return new DataScope(ScopeKind.TemporaryBranch, subDistrict, OrgUnitId: branch);
        }

        if (user.IsInRole(Roles.DepartmentHandler) && Read(user, Claims.Department) is > 0 and var department)
        {
            return new DataScope(ScopeKind.Department, subDistrict, DepartmentId: department);
        }

        if (user.IsInRole(Roles.CardHolder) && Read(user, Claims.Member) is > 0 and var member)
        {
            return new DataScope(ScopeKind.MemberCard, subDistrict, MemberId: member);
        }

        if (user.IsInRole(Roles.Volunteer) && Read(user, Claims.Volunteer) is > 0 and var volunteer)
        {
            return new DataScope(ScopeKind.Volunteer, subDistrict, VolunteerId: volunteer);
        }

        return new DataScope(ScopeKind.Nobody, subDistrict);
    }

    private static int Read(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
