using System.ComponentModel.DataAnnotations;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

/// <summary>An 18-character 公民身份号码, as typed or pasted (full-width digits, spaces, a lower-case x).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !string.IsNullOrWhiteSpace(text)
        && IdNumber.Problem(TextNormalizer.Compact(text).ToUpperInvariant()) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
}

/// <summary>A mainland mobile number: 11 digits starting with 1, however it was typed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MobilePhoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        var phone = TextNormalizer.Compact(text);
        return phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit)
            ? ValidationResult.Success
            : new ValidationResult("手机号应为以1开头的11位数字。", validationContext.MemberName is { } m ? [m] : null);
    }
}
