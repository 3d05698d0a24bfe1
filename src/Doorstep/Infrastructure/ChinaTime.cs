using System.Globalization;

namespace Doorstep.Infrastructure;

/// <summary>
/// Times are stored as UTC and shown in China Standard Time. China has kept UTC+8 without
/// daylight saving since 1991, so a fixed offset is exact and needs no time-zone database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.Add(Offset));

    /// <summary>2021年5月13日</summary>
    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>2021年5月13日 14:05</summary>
    public static string DateAndTime(DateTime utc)
    {
        var local = ToChina(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(local))} {local:HH:mm}");
    }
}
