using Doorstep.Infrastructure;

namespace Doorstep.Features.Inspections;

/// <summary>Who acts on a problem spot: the sub-district, an area's cadre, a department's handler, by account; a volunteer only reports.</summary>
public sealed record SpotActor(string? UserId, string Name, int SubDistrictId, int? AreaId, int? DepartmentId, bool IsAdmin, int? VolunteerId = null)
{
    public static SpotActor From(CurrentUser user) => user.Scope.Kind switch
    {
        ScopeKind.SubDistrict => new(user.Id, user.Name, user.Scope.SubDistrictId, null, null, IsAdmin: true),
        ScopeKind.ResidentialArea => new(user.Id, user.Name, user.Scope.SubDistrictId, user.Scope.ResidentialAreaId, null, IsAdmin: false),
        ScopeKind.Department => new(user.Id, user.Name, user.Scope.SubDistrictId, null, user.Scope.DepartmentId, IsAdmin: false),
        // A volunteer registers spots in the area(s) the roster gives them and takes no step on one.
        ScopeKind.Volunteer => new(user.Id, user.Name, user.Scope.SubDistrictId, null, null, IsAdmin: false, VolunteerId: user.Scope.VolunteerId),
        // The district only reads; temporary branches, card holders and unnamed work act on no spot.
        ScopeKind.Everything or ScopeKind.TemporaryBranch or ScopeKind.Nobody or ScopeKind.District or ScopeKind.MemberCard
            => new(user.Id, user.Name, user.Scope.SubDistrictId, null, null, IsAdmin: false),
    };

    public bool IsAdminOf(int subDistrictId) => IsAdmin && SubDistrictId == subDistrictId;
}
