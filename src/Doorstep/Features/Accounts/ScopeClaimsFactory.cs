using System.Globalization;
using System.Security.Claims;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Doorstep.Features.Accounts;

/// <summary>Puts the user's scope and display name into the sign-in cookie, where DataScope.For reads them.</summary>
public sealed class ScopeClaimsFactory(UserManager<UserAccount> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "doorstep:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(DataScope.Claims.SubDistrict, Text(user.SubDistrictId)));
        if (user.ResidentialAreaId is { } area)
        {
            identity.AddClaim(new Claim(DataScope.Claims.ResidentialArea, Text(area)));
        }

        if (user.OrgUnitId is { } orgUnit)
        {
            identity.AddClaim(new Claim(DataScope.Claims.OrgUnit, Text(orgUnit)));
        }

        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(DataScope.Claims.Department, Text(department)));
        }

        return identity;
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
