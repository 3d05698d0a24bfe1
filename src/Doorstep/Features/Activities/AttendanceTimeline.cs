using Doorstep.Data;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>A member's sign-ups and check-ins as events on their file's timeline.</summary>
public sealed class AttendanceTimeline(DoorstepDb db, LinkGenerator links) : IMemberTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member)
    {
        var rows = await Attendances.For(db)(db, member.Id).ToListAsync();
        return rows.Select(a => new TimelineEvent(
                a.CheckedInAt ?? a.SignedUpAt ?? a.Date.ToDateTime(TimeOnly.MinValue),
                a.RecordedBy,
                $"{(a.CheckedInAt is null ? "报名" : "参加")}{Activity.Label(a.Kind)}：{a.Title}（{a.Date.Year}年{a.Date.Month}月{a.Date.Day}日，{Attendance.Label(a.Way)}）",
                [],
                links.GetPathByPage("/Activities/Details", values: new { id = a.ActivityId, date = a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })))
            .ToList();
    }

    // Compiled, as every timeline source's queries (see MemberTimeline). The member was loaded in
    // scope by the caller: their attendance anywhere is part of their file, including an activity of
    // another area (a sub-district-wide drive, an earlier move).
    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<Attended>>> Attendances = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Set<Attendance>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MemberId == memberId)
            .OrderByDescending(a => a.Date).Take(50)
            .Select(a => new Attended(a.ActivityId, a.Date, a.SignedUpAt, a.CheckedInAt, a.Way, a.RecordedBy, a.Activity.Title, a.Activity.Kind))));

    private sealed record Attended(int ActivityId, DateOnly Date, DateTime? SignedUpAt, DateTime? CheckedInAt, AttendanceWay Way, string RecordedBy, string Title, ActivityKind Kind);
}
