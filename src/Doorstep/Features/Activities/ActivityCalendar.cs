using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>An occurrence with what the calendar shows of its activity.</summary>
public sealed record CalendarEntry(Activity Activity, Occurrence Occurrence);

/// <summary>
/// The occurrences in a span of days for an area (or all the user may see): the activities that may
/// occur in it, read in scope with one seek on (AreaId, StartsOn), expanded by <see cref="Recurrence"/>.
/// </summary>
public static class ActivityCalendar
{
    public static async Task<IReadOnlyList<CalendarEntry>> BetweenAsync(DoorstepDb db, int? areaId, DateOnly from, DateOnly toExclusive)
    {
        var activities = db.InScope<Activity>().AsNoTracking().Include(a => a.Changes)
            .Where(a => a.StartsOn < toExclusive
                && (a.Repeat != RepeatKind.Once || a.StartsOn >= from)
                && (a.RepeatUntil == null || a.RepeatUntil >= from));
        if (areaId is { } area)
        {
            activities = activities.Where(a => a.AreaId == area);
        }

        return (await activities.ToListAsync())
            .SelectMany(a => Recurrence.Between(a, from, toExclusive).Select(o => new CalendarEntry(a, o)))
            .OrderBy(e => e.Occurrence.StartsAtChina).ThenBy(e => e.Activity.Id)
            .ToList();
    }

    /// <summary>"2026-12" as the first day of that month, or null.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
