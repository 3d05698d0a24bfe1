using System.Text;

namespace Doorstep.Infrastructure;

/// <summary>What people type and paste: full-width digits and letters, ideographic spaces, stray blanks.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width ASCII to half-width, any run of white space to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' or '\u00A0' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Normalized, with no spaces at all: for identity numbers, phones and codes.</summary>
    public static string Compact(string? text) => Normalize(text).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
