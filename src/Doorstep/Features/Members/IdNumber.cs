using System.Globalization;

namespace Doorstep.Features.Members;

/// <summary>公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence, check character.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The birth date encoded in an 18-character number, if it is a real date.</summary>
    public static DateOnly? BirthDate(string number) =>
        number.Length == 18 && DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>Why a normalised number is not valid, in words for the person who typed it; null when it is.</summary>
    public static string? Problem(string number)
    {
        if (number.Length != 18)
        {
            return $"身份证号应为18位，现在是{number.Length}位。";
        }

        if (number.AsSpan(0, 17).ContainsAnyExcept(Digits) || !"0123456789X".Contains(number[17], StringComparison.Ordinal))
        {
            return "身份证号前17位应为数字，最后一位为数字或X。";
        }

        if (BirthDate(number) is null)
        {
            return "身份证号中的出生日期（第7至14位）不是有效日期。";
        }

        return CheckCharacter(number) == number[17] ? null : "身份证号校验位不正确，请核对是否有数字输错。";
    }
}
