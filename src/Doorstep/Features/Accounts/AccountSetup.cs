using System.Security.Claims;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

/// <summary>Creates an account with its role, scope and any stored claims; the roles themselves are created on first need.</summary>
public sealed class AccountSetup(DoorstepDb db, UserManager<UserAccount> users, RoleManager<IdentityRole> roles)
{
    public async Task<IdentityResult> CreateAsync(
        string userName, string displayName, string role, int subDistrictId, string password,
        int? residentialAreaId = null, int? orgUnitId = null, int? departmentId = null, IReadOnlyList<Claim>? claims = null)
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
        // An account without its role would sign in to nothing: both are saved, or neither. A caller
        // that links the account to a record of its own (a volunteer's) holds the transaction itself.
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        await using (ownTransaction)
        {
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            if (result.Succeeded && claims is { Count: > 0 })
            {
                result = await users.AddClaimsAsync(user, claims);
            }

            if (result.Succeeded && ownTransaction is not null)
            {
                await ownTransaction.CommitAsync();
            }

            return result;
        }
    }
}
