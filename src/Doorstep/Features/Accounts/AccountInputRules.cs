namespace Doorstep.Features.Accounts;

/// <summary>
/// What any page that opens an account asks of its user name and password, with the messages shown at
/// the field (Users/Create and a volunteer's phone account), so the two never drift apart.
/// </summary>
public static class AccountInputRules
{
    public const string UserNamePattern = @"^[A-Za-z0-9._-]{3,50}$";
    public const string UserNameMessage = "用户名须为3至50位，只能使用英文字母、数字和 . _ - 。";
    public const int PasswordMaxLength = 128;
    public const string PasswordTooLong = "密码不能超过128个字符。";
}
