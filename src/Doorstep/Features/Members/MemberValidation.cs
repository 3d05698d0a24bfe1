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

/// <summary>A mainland mobile, or a landline with its area code and perhaps an extension (<see cref="PhoneNumber"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PhoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !string.IsNullOrWhiteSpace(text) && PhoneNumber.Problem(text) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } m ? [m] : null)
            : ValidationResult.Success;
}

/// <summary>
/// The rules of a member file. Every rule is checked every time: a wrong field does not hide what is
/// wrong across fields, so a form, an API call or an import row shows all of its problems at once.
/// </summary>
public static class MemberValidation
{
    /// <summary>Every field's rules and every rule across fields, none skipped because another failed.</summary>
    public static List<ValidationResult> Validate(MemberInput input, IServiceProvider? services)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(input, services, null);
        foreach (var field in Fields)
        {
            context.MemberName = field.Property.Name;
            context.DisplayName = field.DisplayName;
            Validator.TryValidateValue(field.Property.GetValue(input), context, results, field.Rules);
        }

        context.MemberName = null;
        context.DisplayName = nameof(MemberInput);
        results.AddRange(input.Validate(context));
        return results;
    }

    /// <summary>
    /// The fields that carry rules, read from the attributes once: an import checks every row of a
    /// roster twice, and reading them per row was most of the check's time spent on rules.
    /// </summary>
    private static readonly List<(System.Reflection.PropertyInfo Property, string DisplayName, ValidationAttribute[] Rules)> Fields =
        [.. typeof(MemberInput).GetProperties()
            .Select(p => (Property: p, Rules: p.GetCustomAttributes(typeof(ValidationAttribute), inherit: true).Cast<ValidationAttribute>().ToArray()))
            .Where(f => f.Rules.Length > 0)
            .Select(f => (f.Property, f.Property.GetCustomAttributes(typeof(DisplayAttribute), true).OfType<DisplayAttribute>().FirstOrDefault()?.Name ?? f.Property.Name, f.Rules))];

    /// <summary>The rules across fields; each reads only fields that are themselves valid.</summary>
    public static IEnumerable<ValidationResult> AcrossFields(MemberInput input, DateOnly today)
    {
        if (input.BirthDate is { } birth && (birth > today || birth.Year < 1900))
        {
            yield return new("出生日期不在合理范围内，请核对。", [nameof(MemberInput.BirthDate)]);
        }

        if (input.NormalizedIdNumber is { } id && IdNumber.Problem(id) is null && input.BirthDate is { } b && IdNumber.BirthDate(id) is { } fromId && fromId != b)
        {
            yield return new($"身份证号中的出生日期是{ChinaTime.Date(fromId)}，与填写的出生日期不一致。", [nameof(MemberInput.IdNumber)]);
        }

        foreach (var problem in PartyDates.Check(input.BirthDate, input.JoinedOn, input.FullMemberOn, input.Category, today))
        {
            yield return problem;
        }
    }
}
