using Doorstep.Data;
using Doorstep.Features.Accounts.Users;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Accounts;

/// <summary>How the audit page shows accounts and their roles: by the person's name, lockouts in China time.</summary>
public static class AccountAuditLabels
{
    public static IServiceCollection AddAccountAuditLabels(this IServiceCollection services) => services
        .AddAuditSubject<AccountAudit>()
        .AddAuditSubject<AccountRoleAudit>()
        .AddAuditSubject<RoleAudit>()
        .AddAuditSubject<AccountClaimAudit>();

    /// <summary>
    /// A claim stored with an account: today the roster record a 志愿者 account speaks for
    /// (<see cref="DataScope.Claims.Volunteer"/>, ADR 0019); its value is that record's id.
    /// </summary>
    private sealed class AccountClaimAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => "IdentityUserClaim";
        public override string Label => "账户关联";
        public override int Order => 93;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            ["UserId"] = "账户",
            ["ClaimType"] = "类型",
            ["ClaimValue"] = "关联记录",
        };

        public override string? Show(string field, string value) =>
            field == "ClaimType" && value == DataScope.Claims.Volunteer ? "志愿者名册记录" : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var numbers = NumericIds(ids);
            var claims = await db.UserClaims.AsNoTracking().Where(c => numbers.Contains(c.Id)).Select(c => new { c.Id, c.UserId }).ToListAsync();
            var userIds = claims.Select(c => c.UserId).ToList();
            var users = await db.AccountsOfOwnSubDistrict().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            return claims.Where(c => users.ContainsKey(c.UserId)).ToDictionary(c => Key(c.Id), c => users[c.UserId]);
        }
    }

    private sealed class AccountAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(UserAccount);
        public override string Label => "账户";
        public override int Order => 90;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(UserAccount.UserName)] = "用户名",
            [nameof(UserAccount.NormalizedUserName)] = null,
            [nameof(UserAccount.DisplayName)] = "姓名",
            [nameof(UserAccount.SubDistrictId)] = "街道",
            [nameof(UserAccount.ResidentialAreaId)] = "居民区",
            [nameof(UserAccount.OrgUnitId)] = "临时党支部",
            [nameof(UserAccount.DepartmentId)] = "部门",
            [nameof(UserAccount.PasswordHash)] = "密码",
            [nameof(UserAccount.SecurityStamp)] = "登录凭据（更换后已登录的设备退出）",
            [nameof(UserAccount.ConcurrencyStamp)] = null,
            [nameof(UserAccount.LockoutEnd)] = "锁定至",
            [nameof(UserAccount.LockoutEnabled)] = null,
            [nameof(UserAccount.AccessFailedCount)] = "连续输错密码次数",
            [nameof(UserAccount.Email)] = "电子邮件",
            [nameof(UserAccount.NormalizedEmail)] = null,
            [nameof(UserAccount.EmailConfirmed)] = null,
            [nameof(UserAccount.PhoneNumber)] = "电话",
            [nameof(UserAccount.PhoneNumberConfirmed)] = null,
            [nameof(UserAccount.TwoFactorEnabled)] = null,
        };

        public override string? ReferenceOf(string field) => field switch
        {
            nameof(UserAccount.SubDistrictId) => "SubDistrict",
            nameof(UserAccount.ResidentialAreaId) => "ResidentialArea",
            nameof(UserAccount.OrgUnitId) => "OrgUnit",
            nameof(UserAccount.DepartmentId) => "Department",
            _ => null,
        };

        /// <summary>Disabling locks an account until the end of time (UserAccount.Disable).</summary>
        public override string? Show(string field, string value) =>
            field == nameof(UserAccount.LockoutEnd) && value.StartsWith("9999-", StringComparison.Ordinal) ? "停用（直到重新启用）" : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var wanted = ids.ToList();
            return await db.AccountsOfOwnSubDistrict().AsNoTracking().Where(u => wanted.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName + "（" + u.UserName + "）");
        }
    }

    /// <summary>An account given or taken a role; the audit keys it as "account id,role id".</summary>
    private sealed class AccountRoleAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => "IdentityUserRole";
        public override string Label => "账户角色";
        public override int Order => 91;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var pairs = ids.Select(id => id.Split(',')).Where(p => p.Length == 2).ToList();
            var userIds = pairs.Select(p => p[0]).Distinct().ToList();
            var roleIds = pairs.Select(p => p[1]).Distinct().ToList();
            var users = await db.AccountsOfOwnSubDistrict().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? "");
            return pairs.Where(p => users.ContainsKey(p[0]) && roles.ContainsKey(p[1]))
                .ToDictionary(p => string.Join(",", p), p => $"{users[p[0]]}：{Roles.Label(roles[p[1]])}");
        }
    }

    private sealed class RoleAudit(DoorstepDb db) : AuditSubject
    {
        public override string EntityType => nameof(IdentityRole);
        public override string Label => "角色";
        public override int Order => 92;

        public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
        {
            [nameof(IdentityRole.Name)] = "名称",
            [nameof(IdentityRole.NormalizedName)] = null,
            [nameof(IdentityRole.ConcurrencyStamp)] = null,
        };

        public override string? Show(string field, string value) => field == nameof(IdentityRole.Name) ? Roles.Label(value) : null;

        public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
        {
            var wanted = ids.ToList();
            return await db.Roles.AsNoTracking().Where(r => wanted.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => Roles.Label(r.Name ?? ""));
        }
    }
}
