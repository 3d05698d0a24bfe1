using System.Text.RegularExpressions;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members;

/// <summary>
/// A phone number as the office files it: a mainland mobile (13800138000) or a landline with its area
/// code (021-65431234), perhaps with an extension (021-65431234-123), however it was typed: spaces,
/// brackets round the area code, +86, 转 or 分机 before the extension, full-width digits.
/// </summary>
/// <param name="Number">13800138000, or 021-65431234: how it is stored, shown and dialled.</param>
/// <param name="AreaCode">For a landline, 021 or 0571; shown in the mask.</param>
/// <param name="Extension">For a landline, the extension to ask for once connected.</param>
public sealed partial record PhoneNumber(string Number, string? AreaCode, string? Extension)
{
    public const string Hint = "手机号11位；固定电话请带区号，如 021-65431234，分机可写 021-65431234-123";

    /// <summary>What is encrypted and revealed: the number with its extension.</summary>
    public string Stored => Extension is null ? Number : $"{Number}-{Extension}";

    /// <summary>Hashed for look-up: digits only and no extension, so every way of typing one number finds it.</summary>
    public string LookupKey => Number.Replace("-", "", StringComparison.Ordinal);

    /// <summary>The last four digits of the number (not of the extension), stored in the clear for masks and search.</summary>
    public string Tail => LookupKey[^4..];

    /// <summary>For tap-to-call: a comma waits for the line, then dials the extension.</summary>
    public string TelUri => "tel:" + LookupKey + (Extension is null ? "" : "," + Extension);

    /// <summary>The number, or null when the text is not a mobile or a landline with its area code.</summary>
    public static PhoneNumber? Parse(string? text)
    {
        var t = TextNormalizer.Halfwidth(text).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        string? extension = null;
        if (ExtensionWord().Match(t) is { Success: true } word)
        {
            extension = word.Groups["ext"].Value;
            t = t[..word.Index];
        }

        if (CountryCode().Match(t) is { Success: true } country)
        {
            var rest = t[country.Length..].TrimStart('-', '(', ')');
            t = rest.StartsWith('1') && rest.Length == 11 ? rest : "0" + rest.TrimStart('0');
        }

        var groups = Separators().Split(t).Where(g => g.Length > 0).ToList();
        if (groups.Count == 0 || groups.Any(g => !g.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var all = string.Concat(groups);
        if (extension is null && all.Length == 11 && all[0] == '1')
        {
            return new PhoneNumber(all, null, null);
        }

        // 021-65431234, 021 6543-1234, 02165431234; then 021-65431234-123 and 02165431234-123.
        if (extension is null && Landline(all, null) is { } whole)
        {
            return whole;
        }

        string digits;
        if (groups.Count >= 2 && groups[0][0] == '0' && groups[0].Length == AreaCodeLength(groups[0]))
        {
            digits = groups[0] + groups[1];
            if (groups.Count == 3 && extension is null)
            {
                extension = groups[2];
            }
            else if (groups.Count > 2)
            {
                return null;
            }
        }
        else if (groups.Count == 2 && extension is null)
        {
            digits = groups[0];
            extension = groups[1];
        }
        else if (groups.Count == 1)
        {
            digits = groups[0];
        }
        else
        {
            return null;
        }

        return Landline(digits, extension);
    }

    private static PhoneNumber? Landline(string digits, string? extension)
    {
        if (digits.Length < 4 || digits[0] != '0')
        {
            return null;
        }

        var area = digits[..AreaCodeLength(digits)];
        var local = digits[area.Length..];
        if (local.Length is < 7 or > 8 || local[0] is '0' or '1' || extension is { Length: 0 or > 6 })
        {
            return null;
        }

        return new PhoneNumber($"{area}-{local}", area, extension);
    }

    /// <summary>Why the text is not a phone number, in words for the person who typed it; null when it is one.</summary>
    public static string? Problem(string? text)
    {
        if (Parse(text) is not null)
        {
            return null;
        }

        var digits = new string(TextNormalizer.Halfwidth(text).Where(char.IsAsciiDigit).ToArray());
        return digits.Length is 7 or 8 && digits[0] is not ('0' or '1')
            ? "固定电话请加上区号，如 021-65431234。"
            : "电话号码应为以1开头的11位手机号，或带区号的固定电话（如 021-65431234）。";
    }

    /// <summary>Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have 3-digit area codes (010, 021, 020…); the rest have 4 (0571).</summary>
    private static int AreaCodeLength(string digits) => digits.Length > 1 && digits[1] is '1' or '2' ? 3 : 4;

    [GeneratedRegex(@"(?:转|分机|ext\.?|x|#|,)(?<ext>[0-9]{1,6})$")]
    private static partial Regex ExtensionWord();

    [GeneratedRegex(@"^(?:\+86|0086|\(\+?86\))")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"[-()（）]+")]
    private static partial Regex Separators();
}
