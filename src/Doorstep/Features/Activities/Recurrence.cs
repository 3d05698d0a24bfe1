using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Doorstep.Features.Activities;

/// <summary>
/// One day an activity happens (or was to happen, when cancelled), after its per-occurrence change.
/// RuleDate is the date the rule gives, the key of sign-ups, check-ins and changes; Date the day it
/// is held, RuleDate unless it was moved.
/// </summary>
public sealed record Occurrence(int ActivityId, DateOnly RuleDate, DateOnly Date, TimeOnly StartTime, int Minutes, string? Place, bool Cancelled, string? Note)
{
    public DateTime StartsAtChina => Date.ToDateTime(StartTime);
}

/// <summary>
/// Expands an activity's rule into its occurrences with Ical.Net (RFC 5545), never with date
/// arithmetic by hand: weekly on the first day's weekday, monthly on the same weekday of the month
/// (第二个周四; the fifth becomes the last), every working day with China's holidays as EXDATEs and
/// adjusted working days as RDATEs, or a typed RRULE. Holidays are left out when the activity says so;
/// per-occurrence changes are applied last.
/// </summary>
public static class Recurrence
{
    /// <summary>The RRULE of the activity (without UNTIL), or null for one that happens once.</summary>
    public static string? RuleOf(Activity activity) => activity.Repeat switch
    {
        RepeatKind.Once => null,
        RepeatKind.Weekly => $"FREQ=WEEKLY;BYDAY={Day(activity.StartsOn.DayOfWeek)}",
        RepeatKind.Monthly => $"FREQ=MONTHLY;BYDAY={WeekOfMonth(activity.StartsOn)}{Day(activity.StartsOn.DayOfWeek)}",
        RepeatKind.Workdays => "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        RepeatKind.Custom => activity.CustomRule?.Trim().ToUpperInvariant(),
    };

    /// <summary>Why a typed rule cannot be used, in words for the form; null when Ical.Net reads it and it yields a day.</summary>
    public static string? Problem(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return "请填写重复规则，如 FREQ=WEEKLY;BYDAY=TH（每周四）。";
        }

        try
        {
            var pattern = new RecurrenceRule(rule.Trim().ToUpperInvariant());
            if (pattern.Frequency is Ical.Net.FrequencyType.Secondly or Ical.Net.FrequencyType.Minutely or Ical.Net.FrequencyType.Hourly)
            {
                return "重复规则最短按天（DAILY），不能按小时或分钟。";
            }

            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return "重复规则无法识别。请按 iCalendar 格式填写，如 FREQ=WEEKLY;BYDAY=TH（每周四）或 FREQ=MONTHLY;BYDAY=-1FR（每月最后一个周五）。";
        }
    }

    /// <summary>The occurrences whose rule date falls in [<paramref name="from"/>, <paramref name="toExclusive"/>), in order.</summary>
    public static IReadOnlyList<Occurrence> Between(Activity activity, DateOnly from, DateOnly toExclusive, IEnumerable<ActivityChange>? changes = null)
    {
        var byDate = (changes ?? activity.Changes).ToDictionary(c => c.Date);
        var start = from > activity.StartsOn ? from : activity.StartsOn;
        var end = activity.RepeatUntil is { } until && until.AddDays(1) < toExclusive ? until.AddDays(1) : toExclusive;
        if (start >= end)
        {
            return [];
        }

        var dates = RuleDates(activity, start, end);
        return dates.Select(d => byDate.TryGetValue(d, out var c)
                ? new Occurrence(activity.Id, d, c.MovedTo ?? d, c.StartTime ?? activity.StartTime, activity.Minutes, c.Place ?? activity.Place, c.Cancelled, c.Note)
                : new Occurrence(activity.Id, d, d, activity.StartTime, activity.Minutes, activity.Place, false, null))
            .ToList();
    }

    /// <summary>The occurrence whose rule date is <paramref name="date"/>, or null when the rule gives no such day.</summary>
    public static Occurrence? On(Activity activity, DateOnly date) =>
        Between(activity, date, date.AddDays(1)) is [var only] ? only : null;

    /// <summary>Whether <paramref name="date"/> is one of the activity's rule dates.</summary>
    public static bool OccursOn(Activity activity, DateOnly date) =>
        Between(activity, date, date.AddDays(1), []).Count == 1;

    private static List<DateOnly> RuleDates(Activity activity, DateOnly start, DateOnly end)
    {
        var first = new CalDateTime(activity.StartsOn, activity.StartTime, null);
        var evt = new CalendarEvent { DtStart = first, Duration = Ical.Net.DataTypes.Duration.FromMinutes(Math.Max(activity.Minutes, 1)) };
        if (RuleOf(activity) is { } rule)
        {
            evt.RecurrenceRule = new RecurrenceRule(rule);
        }

        if (activity.Repeat == RepeatKind.Workdays || activity.SkipHolidays)
        {
            evt.ExceptionDates.AddRange(WorkCalendar.HolidaysBetween(start, end).Select(d => new CalDateTime(d, activity.StartTime, null)));
        }

        if (activity.Repeat == RepeatKind.Workdays)
        {
            foreach (var day in WorkCalendar.AdjustedWorkdaysBetween(start, end).Where(d => d >= activity.StartsOn))
            {
                evt.RecurrenceDates.Add(new CalDateTime(day, activity.StartTime, null));
            }
        }

        return evt.GetOccurrences(new CalDateTime(start, TimeOnly.MinValue, null), null)
            .TakeWhileBefore(new CalDateTime(end, TimeOnly.MinValue, null))
            .Select(o => o.Period.StartTime.Date)
            .Where(d => d >= start && d < end)
            .Distinct()
            .ToList();
    }

    private static string Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        DayOfWeek.Sunday => "SU",
    };

    /// <summary>1 to 4 for the first to the fourth such weekday of the month; -1 for a fifth, which some months lack.</summary>
    private static string WeekOfMonth(DateOnly date) =>
        ((date.Day - 1) / 7 + 1) is var n and <= 4 ? n.ToString(CultureInfo.InvariantCulture) : "-1";

    /// <summary>How the rule reads in words, for pages and the ledger.</summary>
    public static string Describe(Activity activity)
    {
        var day = "一二三四五六日"[((int)activity.StartsOn.DayOfWeek + 6) % 7];
        var text = activity.Repeat switch
        {
            RepeatKind.Once => "单次",
            RepeatKind.Weekly => $"每周{day}",
            RepeatKind.Monthly => WeekOfMonth(activity.StartsOn) == "-1" ? $"每月最后一个周{day}" : $"每月第{WeekOfMonth(activity.StartsOn)}个周{day}",
            RepeatKind.Workdays => "每个工作日（按国家调休）",
            RepeatKind.Custom => $"自定义：{activity.CustomRule}",
        };
        if (activity.Repeats && activity.SkipHolidays && activity.Repeat != RepeatKind.Workdays)
        {
            text += "，法定节假日不举行";
        }

        return activity.Repeats && activity.RepeatUntil is { } until ? $"{text}，至{until.Year}年{until.Month}月{until.Day}日" : text;
    }
}
