using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>
/// /api/v1/activities: the calendar, one activity, an occurrence's attendance, and sign-up or
/// check-in through <see cref="AttendanceBook"/>, with the pages' scope and audit. Also the
/// per-area .ics feed, opened by its secret link (ADR 0019).
/// </summary>
public static class ActivitiesApi
{
    public sealed record OccurrenceResponse(int ActivityId, string Title, ActivityKind Kind, string KindLabel, int? AreaId, DateOnly RuleDate, DateOnly Date, TimeOnly StartTime, int Minutes, string? Place, bool Cancelled);

    public sealed record ActivityResponse(
        int Id, string Title, ActivityKind Kind, int? AreaId, string? Partner, string? Place, string? Zones, string? Audience, int? Capacity,
        string? Description, DateOnly StartsOn, TimeOnly StartTime, int Minutes, RepeatKind Repeat, string? Rule, DateOnly? RepeatUntil, bool SkipHolidays, int Version);

    public sealed record AttendanceResponse(int Id, DateOnly Date, int? MemberId, int? VolunteerId, string Name, DateTime? SignedUpAt, DateTime? CheckedInAt, AttendanceWay Way, int? ServiceMinutes);

    public sealed record AttendanceRequest(DateOnly Date, string Person, bool CheckIn);

    public static void MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/activities").RequireAuthorization(ActivitiesFeature.PlanActivities).WithTags("活动与志愿者");

        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<OccurrenceResponse>>, ValidationProblem>> (string? month, int? areaId, DoorstepDb db, TimeProvider clock) =>
        {
            var first = month is null ? ChinaTime.Today(clock) is var t ? new DateOnly(t.Year, t.Month, 1) : default : ActivityCalendar.ParseMonth(month);
            if (first is not { } start)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"月份“{month}”应写成 2026-12 的形式。"] }, title: "查找条件有误");
            }

            var entries = await ActivityCalendar.BetweenAsync(db, areaId, start, start.AddMonths(1));
            return TypedResults.Ok<IReadOnlyList<OccurrenceResponse>>(entries.Select(e => new OccurrenceResponse(
                e.Activity.Id, e.Activity.Title, e.Activity.Kind, Activity.Label(e.Activity.Kind), e.Activity.AreaId, e.Occurrence.RuleDate, e.Occurrence.Date,
                e.Occurrence.StartTime, e.Occurrence.Minutes, e.Occurrence.Place, e.Occurrence.Cancelled)).ToList());
        }).WithSummary("一个月的活动日历（month=2026-12，可按 areaId 筛选居民区），重复活动已按规则展开，节假日与单次调整已计入");

        api.MapGet("/{id:int}", async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> (int id, DoorstepDb db) =>
            await db.Set<Activity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is { } a
                ? TypedResults.Ok(new ActivityResponse(a.Id, a.Title, a.Kind, a.AreaId, a.Partner, a.Place, a.Zones, a.Audience, a.Capacity, a.Description,
                    a.StartsOn, a.StartTime, a.Minutes, a.Repeat, Recurrence.RuleOf(a), a.RepeatUntil, a.SkipHolidays, a.Version))
                : NotFound())
            .WithSummary("读取一项活动");

        api.MapGet("/{id:int}/attendance", async Task<Results<Ok<IReadOnlyList<AttendanceResponse>>, ProblemHttpResult>> (int id, DateOnly? date, DoorstepDb db) =>
        {
            if (!await db.Set<Activity>().AnyAsync(a => a.Id == id))
            {
                return NotFound();
            }

            var rows = db.Set<Attendance>().AsNoTracking().Where(a => a.ActivityId == id);
            if (date is { } d)
            {
                rows = rows.Where(a => a.Date == d);
            }

            return TypedResults.Ok<IReadOnlyList<AttendanceResponse>>(await rows.OrderBy(a => a.Date).ThenBy(a => a.Id)
                .Select(a => new AttendanceResponse(a.Id, a.Date, a.MemberId, a.VolunteerId, a.Name, a.SignedUpAt, a.CheckedInAt, a.Way, a.ServiceMinutes))
                .ToListAsync());
        }).WithSummary("一项活动的报名与签到（可按 date 筛选某一天）");

        api.MapPost("/{id:int}/attendance", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (int id, AttendanceRequest request, DoorstepDb db, AttendanceBook book) =>
        {
            var activity = await db.Set<Activity>().AsNoTracking().Include(a => a.Changes).FirstOrDefaultAsync(a => a.Id == id);
            if (activity is null)
            {
                return NotFound();
            }

            if (Person.Parse(request.Person) is not { } person)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["person"] = ["人员应写成 M党员编号 或 V志愿者编号，如 M42。"] }, title: "未登记");
            }

            var refusal = await book.RecordAsync(activity, request.Date, person, request.CheckIn ? AttendanceWay.ByHand : AttendanceWay.SignedUpByCadre, request.CheckIn);
            return refusal is null
                ? TypedResults.NoContent()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["person"] = [refusal] }, title: "未登记");
        }).WithSummary("为党员或志愿者报名（checkIn=false）或签到（checkIn=true）；同一人同一天只记一次");

        // Calendar apps fetch without a cookie: the link's token stands for the signed-in cadre who copied it.
        app.MapGet("/calendar/areas/{areaId:int}.ics", async Task<IResult> (int areaId, string? token, IServiceProvider services, TimeProvider clock) =>
        {
            var tokens = services.GetRequiredService<ActivityTokens>();
            if (!ActivityTokens.Same(tokens.Feed(areaId), token))
            {
                return TypedResults.NotFound();
            }

            using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("日历订阅"));
            var db = services.GetRequiredService<DoorstepDb>();
            var today = ChinaTime.Today(clock);
            var entries = await ActivityCalendar.BetweenAsync(db, areaId, today.AddMonths(-1), today.AddMonths(3));
            return TypedResults.Text(Ics(entries), "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Each occurrence as its own VEVENT, so that cancellations and moves are exact in every calendar app.</summary>
    public static string Ics(IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Doorstep//家门口//ZH" };
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        foreach (var (activity, occurrence) in entries.Where(e => !e.Occurrence.Cancelled))
        {
            var start = new CalDateTime(occurrence.Date, occurrence.StartTime, "Asia/Shanghai");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"activity-{activity.Id}-{occurrence.RuleDate:yyyyMMdd}@doorstep"),
                Summary = $"{Activity.Label(activity.Kind)}：{activity.Title}",
                Location = occurrence.Place,
                Description = occurrence.Note ?? activity.Description,
                DtStart = start,
                DtEnd = start.AddMinutes(occurrence.Minutes),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: "找不到这项活动", statusCode: StatusCodes.Status404NotFound);
}
