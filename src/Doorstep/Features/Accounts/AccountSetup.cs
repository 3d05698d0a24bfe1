using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

/// <summary>Creates an account with its role and scope; the roles themselves are created on first need.</summary>
public sealed class AccountSetup(UserManager<UserAccount> users, RoleManager<IdentityRole> roles)
{
    public async Task<IdentityResult> CreateAsync(
        string userName, string displayName, string role, int subDistrictId, string password,
        int? residentialAreaId = null, int? orgUnitId = null, int? departmentId = null)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var user = new UserAccount
        {
            UserName = userName,
            DisplayName = displayName,
            SubDistrictId = subDistrictId,
            ResidentialAreaId = residentialAreaId,
            OrgUnitId = orgUnitId,
            DepartmentId = departmentId,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }
}
