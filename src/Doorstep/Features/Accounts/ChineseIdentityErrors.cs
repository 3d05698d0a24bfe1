using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

/// <summary>Identity's messages, in the language of our users.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后再试。");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "该账户刚被他人修改，请刷新后再试。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "链接已失效，请重新申请。");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"用户名“{userName}”不可用。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"邮箱“{email}”格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"邮箱“{email}”已被使用。");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"角色“{role}”不可用。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色“{role}”已存在。");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账户已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账户未启用锁定。");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "该账户已有此角色。");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "该账户没有此角色。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码需包含至少一个符号（如 - 或 !）。");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码需包含至少一个数字。");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码需包含至少一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码需包含至少一个大写字母。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
