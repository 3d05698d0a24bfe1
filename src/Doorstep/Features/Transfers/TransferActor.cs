using Doorstep.Infrastructure;

namespace Doorstep.Features.Transfers;

/// <summary>Who acts on a transfer: the sub-district admin, an area's cadre, or someone with no part in it.</summary>
public sealed record TransferActor(string Name, int SubDistrictId, int? AreaId, bool IsAdmin)
{
    public static TransferActor From(CurrentUser user) => user.Scope.Kind switch
    {
        ScopeKind.SubDistrict => new(user.Name, user.Scope.SubDistrictId, null, IsAdmin: true),
        ScopeKind.ResidentialArea => new(user.Name, user.Scope.SubDistrictId, user.Scope.ResidentialAreaId, IsAdmin: false),
        // Start-up and commands never handle transfers; temporary branches, departments and card holders
        // hold no files, and the district only reads.
        ScopeKind.Everything or ScopeKind.TemporaryBranch or ScopeKind.Nobody or ScopeKind.District or ScopeKind.Department or ScopeKind.MemberCard or ScopeKind.Volunteer
            => new(user.Name, user.Scope.SubDistrictId, null, IsAdmin: false),
    };
}
