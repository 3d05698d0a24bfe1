using Doorstep.Data;
using Doorstep.Features.Activities.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>Who is being signed up or checked in: a member on file or a volunteer on the roster.</summary>
public sealed record Person(int? MemberId, int? VolunteerId)
{
    /// <summary>"M42" or "V7", as the forms post it.</summary>
    public static Person? Parse(string? key) =>
        key is { Length: > 1 } && int.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? key[0] switch { 'M' => new Person(id, null), 'V' => new Person(null, id), _ => null }
            : null;
}

/// <summary>
/// The one write path of sign-ups and check-ins. The person is found through the scoped sets, so a
/// cadre reaches only members and volunteers of their scope; the activity was loaded in scope by the
/// caller (or, for a QR check-in, proved by the link's token). One row per person and occurrence:
/// checking in again changes nothing, and two check-ins racing end on the unique index.
/// </summary>
public sealed class AttendanceBook(DoorstepDb db, TimeProvider clock)
{
    /// <summary>Signs the person up (or checks them in, <paramref name="checkIn"/>); the refusal in words, or null.</summary>
    public async Task<string?> RecordAsync(Activity activity, DateOnly date, Person person, AttendanceWay way, bool checkIn)
    {
        if (!Recurrence.OccursOn(activity, date))
        {
            return "这一天没有这个活动。";
        }

        if (activity.Changes.Any(c => c.Date == date && c.Cancelled))
        {
            return "这一天的活动已取消。";
        }

        var key = Attendance.KeyOf(person.MemberId, person.VolunteerId);
        var found = await FindAsync(person, activity, date, key);
        if (found is null)
        {
            return "找不到这位人员：只能为本人或您管辖范围内的党员、志愿者报名和签到。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (found.CheckedIn is { } checkedIn)
        {
            if (checkIn && !checkedIn)
            {
                var row = await db.Set<Attendance>().SingleAsync(a => a.ActivityId == activity.Id && a.Date == date && a.PersonKey == key);
                row.CheckedInAt = now;
                row.Way = way;
                row.RecordedBy = db.CurrentUser.Name;
                row.ServiceMinutes ??= MinutesOf(activity, person);
                await db.SaveChangesAsync();
            }

            return null;
        }

        // Capacity counts everyone on the list, also rows a volunteer's own scope does not show them.
        if (!checkIn && activity.Capacity is { } capacity
            && await db.Set<Attendance>().IgnoreQueryFilters().CountAsync(a => a.ActivityId == activity.Id && a.Date == date) >= capacity)
        {
            return $"名额已满（{capacity}人）。";
        }

        db.Set<Attendance>().Add(new Attendance
        {
            ActivityId = activity.Id,
            Date = date,
            SubDistrictId = activity.SubDistrictId,
            AreaId = activity.AreaId,
            MemberId = person.MemberId,
            VolunteerId = person.VolunteerId,
            PersonKey = key,
            Name = found.Name,
            OrgUnitId = found.OrgUnitId,
            SignedUpAt = checkIn ? null : now,
            CheckedInAt = checkIn ? now : null,
            Way = way,
            RecordedBy = db.CurrentUser.Name,
            ServiceMinutes = checkIn ? MinutesOf(activity, person) : null,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another check-in of the same person may have won the race: then they are on the list once,
            // as they should be; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.Set<Attendance>().AsNoTracking().AnyAsync(a => a.ActivityId == activity.Id && a.Date == date && a.PersonKey == key))
            {
                throw;
            }
        }

        return null;
    }

    /// <summary>Volunteer hours are credited for volunteers' check-ins; a member's attendance carries none.</summary>
    private static int? MinutesOf(Activity activity, Person person) =>
        person.VolunteerId is null ? null : activity.Minutes;

    /// <summary>The person as found in scope; whether their row for the day says checked in (null: no row).</summary>
    private sealed record Found(string Name, int? OrgUnitId, bool? CheckedIn);

    /// <summary>
    /// The person through the scoped sets, with their row for the day read in the same query: a
    /// repeated check-in, the common case at the door, is then one round trip.
    /// </summary>
    private Task<Found?> FindAsync(Person person, Activity activity, DateOnly date, string key)
    {
        var checkedIn = db.Set<Attendance>().Where(a => a.ActivityId == activity.Id && a.Date == date && a.PersonKey == key)
            .Select(a => (bool?)(a.CheckedInAt != null));
        return person.MemberId is { } memberId
            ? db.MembersInScope.AsNoTracking().Where(m => m.Id == memberId && m.SubDistrictId == activity.SubDistrictId)
                .Select(m => new Found(m.Name, m.OrgUnitId, checkedIn.FirstOrDefault()))
                .FirstOrDefaultAsync()
            : db.Set<Volunteer>().AsNoTracking().Where(v => v.Id == person.VolunteerId && v.SubDistrictId == activity.SubDistrictId && v.Active)
                .Select(v => new Found(v.Name, null, checkedIn.FirstOrDefault()))
                .FirstOrDefaultAsync();
    }
}
