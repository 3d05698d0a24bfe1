using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

public enum AccountStatus
{
    Active,
    /// <summary>Stopped by an admin until an admin enables it again.</summary>
    Disabled,
    /// <summary>Locked for a while after too many wrong passwords; unlocks by itself.</summary>
    LockedOut,
}

/// <summary>A person who signs in. The role (an Identity role) and the ids below decide their data scope.</summary>
public class UserAccount : IdentityUser
{
    public required string DisplayName { get; set; }
    public int SubDistrictId { get; set; }

    /// <summary>For an area cadre: the residential area.</summary>
    public int? ResidentialAreaId { get; set; }

    /// <summary>For a temporary-branch secretary: the temporary branch.</summary>
    public int? OrgUnitId { get; set; }

    /// <summary>For a department handler: the department.</summary>
    public int? DepartmentId { get; set; }

    public bool IsDisabled => IsDisabledBy(LockoutEnd);

    /// <summary>
    /// Disabling reuses Identity's lockout, set to the end of time, so that sign-in refuses the account
    /// with the same message as a wrong password. The caller also renews the security stamp, which is
    /// what ends sessions already open.
    /// </summary>
    public void Disable()
    {
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
    }

    /// <summary>Lifts a disable, and also a lockout after wrong passwords.</summary>
    public void Enable()
    {
        LockoutEnd = null;
        AccessFailedCount = 0;
    }

    // Round-trips exactly: SQLite stores the text, Npgsql maps MaxValue to PostgreSQL's 'infinity'.
    public static bool IsDisabledBy(DateTimeOffset? lockoutEnd) => lockoutEnd == DateTimeOffset.MaxValue;

    public static AccountStatus StatusOf(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        IsDisabledBy(lockoutEnd) ? AccountStatus.Disabled
        : lockoutEnd > now ? AccountStatus.LockedOut
        : AccountStatus.Active;

    public static string Label(AccountStatus status, DateTimeOffset? lockoutEnd) => status switch
    {
        AccountStatus.Active => "正常",
        AccountStatus.Disabled => "已停用",
        AccountStatus.LockedOut => $"已锁定至 {ChinaTime.DateAndTime(lockoutEnd.GetValueOrDefault().UtcDateTime)}",
    };
}
