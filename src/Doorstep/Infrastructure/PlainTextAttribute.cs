using System.ComponentModel.DataAnnotations;

namespace Doorstep.Infrastructure;

/// <summary>
/// Text a person typed: no control characters and no bidirectional overrides (U+202E and kin), which
/// would make a name display as something else than it is, here, in exports and in other programs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && TextNormalizer.FirstHiddenCharacter(text) is { } hidden
            ? new ValidationResult(
                $"“{validationContext.DisplayName}”中有看不见的控制字符（U+{(int)hidden:X4}），请删除后重新输入，不要从其他程序粘贴。",
                validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
}
