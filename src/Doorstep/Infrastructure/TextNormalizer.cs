using System.Text;

namespace Doorstep.Infrastructure;

/// <summary>
/// What people type and paste: full-width digits and letters, ideographic spaces, stray blanks.
/// Chinese punctuation （，：） is text, not noise, and stays as it is.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Full-width digits and letters to half-width, any run of white space to one space, trimmed.</summary>
    public static string Normalize(string? text) => Clean(text, punctuationToo: false);

    /// <summary>As <see cref="Normalize"/>, and full-width punctuation too (１９６５．３, ＋８６): for dates, numbers and codes.</summary>
    public static string Halfwidth(string? text) => Clean(text, punctuationToo: true);

    private static string Clean(string? text, bool punctuationToo)
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
                >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => (char)(raw - 0xFEE0),
                >= '\uFF01' and <= '\uFF5E' when punctuationToo => (char)(raw - 0xFEE0),
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

    /// <summary>
    /// The first character that has no business in typed text: a control character (tabs and line
    /// breaks are white space, not that) or a bidirectional mark or override (U+202E shows the rest of
    /// a name reversed). Null when there is none. Such text is refused, not cleaned: what a person
    /// sees must be what is stored.
    /// </summary>
    public static char? FirstHiddenCharacter(string? text)
    {
        foreach (var c in text ?? "")
        {
            if (c is '\t' or '\r' or '\n')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Normalized, or null when nothing is left: for optional fields.</summary>
    public static string? OrNull(string? text) => Normalize(text) is { Length: > 0 } normal ? normal : null;

    /// <summary>Normalized, with no spaces at all: for identity numbers, phones and codes.</summary>
    public static string Compact(string? text) => Halfwidth(text).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
