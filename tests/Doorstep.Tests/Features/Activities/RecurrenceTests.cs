using Doorstep.Features.Activities;

namespace Doorstep.Tests.Features.Activities;

/// <summary>Rules expanded by Ical.Net with China's 2026 holidays and adjusted working days, and per-day changes.</summary>
public class RecurrenceTests
{
    private static Activity Every(RepeatKind repeat, DateOnly startsOn, bool skipHolidays = false, string? rule = null) => new()
    {
        Id = 1,
        Title = "测试",
        StartsOn = startsOn,
        StartTime = new TimeOnly(9, 0),
        Minutes = 120,
        Repeat = repeat,
        SkipHolidays = skipHolidays,
        CustomRule = rule,
    };

    private static List<DateOnly> Days(Activity a, DateOnly from, DateOnly to) => Recurrence.Between(a, from, to).Select(o => o.Date).ToList();

    [Fact]
    public void Every_Thursday_runs_across_the_month_end_and_leaves_out_National_Day()
    {
        var thursday = Every(RepeatKind.Weekly, new DateOnly(2026, 9, 17), skipHolidays: true);

        Assert.Equal([new(2026, 9, 17), new(2026, 9, 24), new(2026, 10, 8), new(2026, 10, 15)], Days(thursday, new(2026, 9, 1), new(2026, 10, 16)));
        thursday.SkipHolidays = false;
        Assert.Contains(new DateOnly(2026, 10, 1), Days(thursday, new(2026, 9, 1), new(2026, 10, 16)));
    }

    [Fact]
    public void Working_days_follow_the_adjusted_Saturday_and_Sunday_and_skip_the_Golden_Week()
    {
        var workdays = Every(RepeatKind.Workdays, new DateOnly(2026, 9, 14));

        Assert.Equal(
            [new(2026, 9, 18), new(2026, 9, 20), new(2026, 9, 21), new(2026, 9, 22), new(2026, 9, 23), new(2026, 9, 24),
             new(2026, 9, 28), new(2026, 9, 29), new(2026, 9, 30), new(2026, 10, 8), new(2026, 10, 9), new(2026, 10, 10), new(2026, 10, 12)],
            Days(workdays, new(2026, 9, 18), new(2026, 10, 13)));
    }

    [Fact]
    public void Monthly_on_a_fifth_Thursday_falls_on_each_month_s_last_Thursday()
    {
        var monthly = Every(RepeatKind.Monthly, new DateOnly(2026, 1, 29));

        Assert.Equal([new(2026, 1, 29), new(2026, 2, 26), new(2026, 3, 26), new(2026, 4, 30)], Days(monthly, new(2026, 1, 1), new(2026, 5, 1)));
        Assert.Equal("每月最后一个周四", Recurrence.Describe(monthly));
    }

    [Fact]
    public void A_cancelled_day_stays_on_the_calendar_as_cancelled_and_a_moved_day_moves_and_the_series_stops_at_its_end()
    {
        var thursday = Every(RepeatKind.Weekly, new DateOnly(2026, 11, 5));
        thursday.RepeatUntil = new DateOnly(2026, 11, 26);
        thursday.Changes =
        [
            new ActivityChange { Date = new(2026, 11, 12), Cancelled = true, Note = "因雨取消" },
            new ActivityChange { Date = new(2026, 11, 19), MovedTo = new(2026, 11, 20), StartTime = new TimeOnly(14, 0), Place = "市民驿站" },
        ];

        var days = Recurrence.Between(thursday, new(2026, 11, 1), new(2027, 1, 1));

        Assert.Equal(4, days.Count);
        Assert.True(days[1].Cancelled);
        Assert.Equal((new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20), new TimeOnly(14, 0), "市民驿站"), (days[2].RuleDate, days[2].Date, days[2].StartTime, days[2].Place));
        Assert.Equal(new DateOnly(2026, 11, 26), days[3].Date);
    }

    [Fact]
    public void A_typed_rule_is_read_by_Ical_Net_and_a_wrong_one_gets_a_Chinese_message()
    {
        var lastFriday = Every(RepeatKind.Custom, new DateOnly(2026, 1, 30), rule: "FREQ=MONTHLY;BYDAY=-1FR");

        Assert.Equal([new(2026, 1, 30), new(2026, 2, 27), new(2026, 3, 27)], Days(lastFriday, new(2026, 1, 1), new(2026, 4, 1)));
        Assert.Null(Recurrence.Problem("FREQ=WEEKLY;BYDAY=TH"));
        Assert.Contains("无法识别", Recurrence.Problem("每周四"));
        Assert.Contains("按天", Recurrence.Problem("FREQ=HOURLY"));
    }
}
