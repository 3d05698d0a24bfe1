using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Accounts.Users;

/// <summary>An account as the admin's pages show it: role and scope as names, the lockout as it was read.</summary>
public sealed record AccountRow(
    string Id, string UserName, string DisplayName, string? Role,
    string? ResidentialArea, string? TemporaryBranch, string? Department, string? District, DateTimeOffset? LockoutEnd)
{
    public string RoleLabel => Role is null ? "无角色" : Roles.Label(Role);

    public string ScopeLabel =>
        ResidentialArea is not null ? $"{ResidentialArea}居民区"
        : TemporaryBranch ?? Department
        ?? Role switch
        {
            Roles.SubDistrictAdmin => "全街道",
            Roles.DistrictOrganizationDepartment => $"{District}各街道（只读）",
            _ => "无",
        };

    public AccountStatus StatusOn(DateTimeOffset now) => UserAccount.StatusOf(LockoutEnd, now);

    public string StatusLabelOn(DateTimeOffset now) => UserAccount.Label(StatusOn(now), LockoutEnd);
}

public static class AccountQueries
{
    public const int PageSize = 20;

    /// <summary>
    /// The accounts of the signed-in admin's own sub-district. Accounts have no query filter of their
    /// own (sign-in must find them all), so every page of this feature starts here.
    /// </summary>
    public static IQueryable<UserAccount> AccountsOfOwnSubDistrict(this DoorstepDb db)
    {
        var subDistrictId = db.CurrentUser.Scope.SubDistrictId;
        return db.Users.Where(u => u.SubDistrictId == subDistrictId);
    }

    public static IQueryable<AccountRow> ToRows(this IQueryable<UserAccount> accounts, DoorstepDb db) =>
        accounts.AsNoTracking().Select(u => new AccountRow(
            u.Id, u.UserName!, u.DisplayName,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            db.ResidentialAreas.Where(a => a.Id == u.ResidentialAreaId).Select(a => a.Name).FirstOrDefault(),
            db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
            db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            db.SubDistricts.Where(s => s.Id == u.SubDistrictId).Select(s => s.District).FirstOrDefault(),
            u.LockoutEnd));
}
