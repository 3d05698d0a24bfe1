using System.Globalization;
using System.Text.Json;

namespace Doorstep.BenchRunner;

/// <summary>
/// Issue 13's check-in under load: the area cadre checks members of their area in to the area's
/// Thursday volunteer days of the last year through the API (the pages' and the API's one write path,
/// AttendanceBook). Each request names a day and a member; checking someone in again changes nothing
/// (one row per person and day), so the load is idempotent and its repeats measure that path too.
/// </summary>
internal static class ActivitiesLoad
{
    private const int Days = 52, People = 200;

    public static async Task<IReadOnlyList<LoadScenario>> ScenariosAsync(StaffSession cadre)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var days = new List<(int ActivityId, string Date)>();
        for (var back = 0; back < 13 && days.Count < Days; back++)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            using var calendar = JsonDocument.Parse(await cadre.Client.GetStringAsync("/api/v1/activities?month=" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            days.AddRange(calendar.RootElement.EnumerateArray()
                .Where(o => o.GetProperty("kindLabel").GetString() == "志愿服务" && !o.GetProperty("cancelled").GetBoolean()
                    && DateOnly.Parse(o.GetProperty("ruleDate").GetString()!, CultureInfo.InvariantCulture) <= today)
                .Select(o => (o.GetProperty("activityId").GetInt32(), o.GetProperty("ruleDate").GetString()!)));
        }

        var members = new List<int>();
        for (var page = 1; page <= 5 && members.Count < People; page++)
        {
            using var list = JsonDocument.Parse(await cadre.Client.GetStringAsync($"/api/v1/members?page={page}"));
            members.AddRange(list.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        }

        if (days.Count == 0 || members.Count == 0)
        {
            Console.WriteLine("  activities: the cadre's area has no volunteer day or no members; no check-in load");
            return [];
        }

        days = days.Take(Days).ToList();
        members = members.Take(People).ToList();
        var requests = days.SelectMany(d => members.Select(m => LoadScenario.Post(
                $"/api/v1/activities/{d.ActivityId}/attendance",
                JsonSerializer.Serialize(new { date = d.Date, person = $"M{m}", checkIn = true }))))
            .ToList();
        return
        [
            new("activities-check-in", "活动签到 POST /api/v1/activities/编号/attendance（居民区干部，重复签到只记一次）", requests, cadre, LoadScenario.Json)
            {
                Answer = "204",
                Check = async () =>
                {
                    // The first day's list, read back: the members the load checked in must be on it.
                    var (activityId, date) = days[0];
                    using var rows = JsonDocument.Parse(await cadre.Client.GetStringAsync($"/api/v1/activities/{activityId}/attendance?date={date}"));
                    var posted = members.ToHashSet();
                    var stored = rows.RootElement.EnumerateArray().Count(r => r.GetProperty("memberId").ValueKind == JsonValueKind.Number
                        && posted.Contains(r.GetProperty("memberId").GetInt32()) && r.GetProperty("checkedInAt").ValueKind != JsonValueKind.Null);
                    return stored > 0 ? null : "no check-in of the load was stored on its first day";
                },
            },
        ];
    }
}
