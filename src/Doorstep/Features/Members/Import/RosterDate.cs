using System.Globalization;
using System.Text.RegularExpressions;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members.Import;

/// <summary>
/// A date as a roster holds it: a date, nothing, or why the cell cannot be read as one. A date given
/// to the month only (1965.3) is the 1st of that month with <see cref="MonthOnly"/> set; "1965.1",
/// which Excel also writes for 1965.10, is January with October as <see cref="OrOctober"/> and a
/// problem that something else (the ID number) may settle.
/// </summary>
public readonly record struct RosterDateResult(DateOnly? Date, string? Problem, bool MonthOnly = false, DateOnly? OrOctober = null)
{
    public bool IsBlank => Date is null && Problem is null;

    /// <summary>Whether a day-precise date agrees with this month-precise one (any day of its month, or of October when ambiguous).</summary>
    public bool Admits(DateOnly day) =>
        MonthOnly && (SameMonth(Date, day) || SameMonth(OrOctober, day));

    private static bool SameMonth(DateOnly? month, DateOnly day) => month is { } m && m.Year == day.Year && m.Month == day.Month;
}

/// <summary>
/// Reads the dates real rosters hold: 1965-03-01, 1965/3/1, 1965.3.1, 1965.3, 1965年3月, 1965年3月1日,
/// 19650301, 196503, full-width digits, Excel date cells and Excel serial numbers. A month without a
/// day is the first of that month, marked as known to the month only. Serial numbers are read only from number cells: as text, 19653 is
/// more likely 1965.3 without its dot than a day in 1953.
/// </summary>
public static partial class RosterDate
{
    public const string Hint = "请写成 1965-03-01、1965.3 或 1965年3月 这样的日期";

    /// <summary>Excel shows the number 1965.10 as 1965.1: the month cannot be told from January.</summary>
    private static string Ambiguous(int year) =>
        $"“{year}.1”可能是{year}年1月，也可能是{year}年10月（Excel 会把 {year}.10 存成 {year}.1）";

    public static RosterDateResult Read(object? cell) => cell switch
    {
        null => default,
        DateTime d => new(DateOnly.FromDateTime(d), null),
        DateOnly d => new(d, null),
        double n => FromNumber(n),
        int n => FromNumber(n),
        long n => FromNumber(n),
        decimal n => FromNumber((double)n),
        _ => FromText(cell.ToString()),
    };

    private static RosterDateResult FromNumber(double n)
    {
        if (double.IsNaN(n) || double.IsInfinity(n) || n <= 0)
        {
            return Unreadable(n.ToString(CultureInfo.InvariantCulture));
        }

        // A number typed as 1965.3 is a year and a month; written out it reads as text does.
        if (n is >= 1900 and < 2101 && n != Math.Floor(n))
        {
            return FromText(n.ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (n == Math.Floor(n) && n is >= 1900 and < 2101)
        {
            return new(null, $"“{n}”只有年份，请补上月份，如 {n}.3");
        }

        if (n == Math.Floor(n) && n is >= 19000101 and <= 21001231)
        {
            return FromText(n.ToString("0", CultureInfo.InvariantCulture));
        }

        // Excel's serial day number (1 = 1900-01-01); OADate agrees with Excel from 1900-03-01 on.
        if (n is >= 61 and < 2958466)
        {
            return new(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(n))), null);
        }

        return Unreadable(n.ToString(CultureInfo.InvariantCulture));
    }

    private static RosterDateResult FromText(string? raw)
    {
        var text = TextNormalizer.Halfwidth(raw);
        if (text.Length == 0)
        {
            return default;
        }

        // A trailing time, as exports write date cells: 1965/3/1 0:00:00.
        text = TrailingTime().Replace(text, "").Replace(" ", "", StringComparison.Ordinal).Replace('。', '.');

        var m = YearMonthDay().Match(text);
        if (m.Success)
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var monthText = m.Groups["m"].Value;
            if (!m.Groups["d"].Success && m.Groups["sep"].Value == "." && monthText == "1" && year is >= 1800 and <= 2200)
            {
                return new(new DateOnly(year, 1, 1), Ambiguous(year), MonthOnly: true, OrOctober: new DateOnly(year, 10, 1));
            }

            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
            var date = Make(year, int.Parse(monthText, CultureInfo.InvariantCulture), day, raw!);
            return m.Groups["d"].Success ? date : date with { MonthOnly = date.Date is not null };
        }

        if (text.All(char.IsAsciiDigit))
        {
            switch (text.Length)
            {
                case 8:
                    return Make(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[4..6], CultureInfo.InvariantCulture), int.Parse(text[6..], CultureInfo.InvariantCulture), raw!);
                case 6 when text[..2] is "19" or "20":
                    var month = Make(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[4..], CultureInfo.InvariantCulture), 1, raw!);
                    return month with { MonthOnly = month.Date is not null };
                case 4:
                    return new(null, $"“{text}”只有年份，请补上月份，如 {text}.3");
            }
        }

        if (TwoDigitYear().IsMatch(text))
        {
            return new(null, $"“{TextNormalizer.Halfwidth(raw)}”的年份请写全4位，如 1965.3");
        }

        return Unreadable(TextNormalizer.Halfwidth(raw));
    }

    private static RosterDateResult Make(int year, int month, int day, string raw)
    {
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(null, $"“{TextNormalizer.Halfwidth(raw)}”不是有效的日期");
        }

        return new(new DateOnly(year, month, day), null);
    }

    private static RosterDateResult Unreadable(string text) => new(null, $"无法识别日期“{text}”");

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<sep>[-/.年])(?<m>[0-9]{1,2})(?:(?:月|[-/.])(?<d>[0-9]{1,2})[日号]?|月)?$")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?:\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]+)?$")]
    private static partial Regex TrailingTime();

    [GeneratedRegex(@"^[0-9]{2}[-/.年][0-9]{1,2}")]
    private static partial Regex TwoDigitYear();
}
