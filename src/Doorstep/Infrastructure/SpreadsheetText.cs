using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Doorstep.Infrastructure;

/// <summary>
/// Text for a spreadsheet cell that no spreadsheet program will run as a formula. Names, addresses
/// and notes are typed by users; one that begins like a formula (=HYPERLINK(…), +, -, @, or a tab or
/// carriage return that some programs skip before reading one) gets a leading apostrophe, the
/// convention spreadsheets and OWASP's CSV-injection guidance use for "this is text".
/// </summary>
public static class SpreadsheetText
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r＝＋－＠");

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Safe(string? text) =>
        string.IsNullOrEmpty(text) || !FormulaStarts.Contains(text[0]) ? text : "'" + text;
}
