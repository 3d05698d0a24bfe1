namespace Doorstep.Features.Activities;

/// <summary>
/// China's public holidays and adjusted working days (调休), as the State Council announces them each
/// year: a weekday may be a holiday, and a Saturday or Sunday a working day. No rule computes them,
/// so they are a dated table, extended each November when the next year's notice is published.
/// </summary>
public static class WorkCalendar
{
    // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025, www.gov.cn).
    // 2027: only the statutory days of 《全国年节及纪念日放假办法》 (2024 revision: 元旦1天, 春节4天 from
    // 除夕, 清明1天, 劳动节2天, 端午1天, 中秋1天, 国庆3天), on the 2027 calendar; the 2027 notice with
    // its bridges and adjusted working days is not out yet: replace these rows when it is.
    private static readonly (DateOnly From, DateOnly To, string Name)[] Holidays =
    [
        (new(2026, 1, 1), new(2026, 1, 3), "元旦"),
        (new(2026, 2, 15), new(2026, 2, 23), "春节"),
        (new(2026, 4, 4), new(2026, 4, 6), "清明节"),
        (new(2026, 5, 1), new(2026, 5, 5), "劳动节"),
        (new(2026, 6, 19), new(2026, 6, 21), "端午节"),
        (new(2026, 9, 25), new(2026, 9, 27), "中秋节"),
        (new(2026, 10, 1), new(2026, 10, 7), "国庆节"),
        (new(2027, 1, 1), new(2027, 1, 1), "元旦"),
        (new(2027, 2, 5), new(2027, 2, 8), "春节"),
        (new(2027, 4, 5), new(2027, 4, 5), "清明节"),
        (new(2027, 5, 1), new(2027, 5, 2), "劳动节"),
        (new(2027, 6, 9), new(2027, 6, 9), "端午节"),
        (new(2027, 9, 15), new(2027, 9, 15), "中秋节"),
        (new(2027, 10, 1), new(2027, 10, 3), "国庆节"),
    ];

    /// <summary>Saturdays and Sundays that are working days (调休上班), from the same notices.</summary>
    private static readonly DateOnly[] AdjustedWorkdays =
    [
        new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
    ];

    /// <summary>The first and last year the table covers; outside them only weekends count as rest.</summary>
    public static (int First, int Last) Years => (2026, 2027);

    public static string? HolidayOn(DateOnly date) =>
        Holidays.FirstOrDefault(h => date >= h.From && date <= h.To).Name;

    public static bool IsHoliday(DateOnly date) => HolidayOn(date) is not null;

    public static bool IsAdjustedWorkday(DateOnly date) => AdjustedWorkdays.Contains(date);

    public static bool IsWorkday(DateOnly date) =>
        IsAdjustedWorkday(date) || (!IsHoliday(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public static IEnumerable<DateOnly> HolidaysBetween(DateOnly from, DateOnly toExclusive) =>
        Holidays.SelectMany(h => Days(h.From, h.To)).Where(d => d >= from && d < toExclusive);

    public static IEnumerable<DateOnly> AdjustedWorkdaysBetween(DateOnly from, DateOnly toExclusive) =>
        AdjustedWorkdays.Where(d => d >= from && d < toExclusive);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
