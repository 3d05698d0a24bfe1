using Doorstep.Features.Activities;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

public sealed partial class ScaleData
{
    /// <summary>Attendance rows per member over the five years: about 10,000,000 for 1,000,000 members (issue 13).</summary>
    private const int AttendancePerMember = 10;

    private const int ActivityYears = 5;

    /// <summary>
    /// Five years of activities in every area: the Thursday volunteer day (weekly), a monthly theme
    /// lecture on the second Tuesday, and a handful of single events a year (oath renewal, publicity
    /// with head-counts and handouts). A roster of volunteers per area. Attendance in proportion to
    /// the area's members (<see cref="AttendancePerMember"/>), each occurrence's people distinct, as
    /// the unique index demands; volunteers credited the activity's minutes. Occurrence dates come
    /// from the app's <see cref="Recurrence"/> (Ical.Net), so every row is on a day the rule gives.
    /// Attendance is made as it is written (a chunk of 50,000 at a time): memory stays bounded.
    /// </summary>
    private async Task ActivitiesAsync(int seed, IReadOnlyList<(SubDistrict SubDistrict, List<ResidentialArea> Areas, Dictionary<int, List<OrgUnit>> Branches, List<OrgUnit> Temporary)> places,
        List<Member> members, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        // A random of its own: the data sets before and after stay what they were.
        var random = new Random(seed + 13);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var from = today.AddYears(-ActivityYears);
        var nextActivity = (await db.Set<Activity>().IgnoreQueryFilters().MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var nextVolunteer = (await db.Set<Volunteer>().IgnoreQueryFilters().MaxAsync(v => (int?)v.Id, cancellationToken) ?? 0) + 1;
        var nextTally = (await db.Set<ActivityTally>().IgnoreQueryFilters().MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0) + 1;
        var firstAttendance = (await db.Set<Attendance>().IgnoreQueryFilters().MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var membersByArea = members.Where(m => m.Status == MemberStatus.Normal && m.OrgUnitAreaId != null).GroupBy(m => m.OrgUnitAreaId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(m => (m.Id, m.Name, m.OrgUnitId)).ToArray());

        var activities = new List<Activity>();
        var volunteers = new List<Volunteer>();
        var tallies = new List<ActivityTally>();
        var plans = new List<(Activity Activity, int Members, int Volunteers)>();
        foreach (var (subDistrict, areas, _, _) in places)
        {
            foreach (var area in areas)
            {
                var people = membersByArea.GetValueOrDefault(area.Id, []);
                var roster = Enumerable.Range(0, Math.Max(8, people.Length / 40)).Select(_ => new Volunteer
                {
                    Id = nextVolunteer++,
                    SubDistrictId = subDistrict.Id,
                    AreaId = area.Id,
                    Name = PopulationNames.Name(random),
                    Skills = random.Next(3) == 0 ? "理发、助老陪伴" : "文明劝导",
                    ConsentOn = from.AddDays(random.Next(365)),
                    ConsentRecordedBy = "generated",
                    Version = 0,
                }).ToList();
                volunteers.AddRange(roster);

                var thursday = from.AddDays(((int)DayOfWeek.Thursday - (int)from.DayOfWeek + 7) % 7);
                var secondTuesday = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
                secondTuesday = secondTuesday.AddDays(((int)DayOfWeek.Tuesday - (int)secondTuesday.DayOfWeek + 7) % 7 + 7);
                var own = new List<Activity>
                {
                    NewActivity(nextActivity++, subDistrict.Id, area, ActivityKind.VolunteerService, "创文志愿者活动日", thursday, RepeatKind.Weekly, 120),
                    NewActivity(nextActivity++, subDistrict.Id, area, ActivityKind.ThemeLecture, "主题党课", secondTuesday, RepeatKind.Monthly, 90),
                };
                for (var year = 0; year < ActivityYears; year++)
                {
                    own.Add(NewActivity(nextActivity++, subDistrict.Id, area, ActivityKind.OathRenewal, "重温入党誓词", from.AddYears(year).AddDays(180 + random.Next(20)), RepeatKind.Once, 60));
                    own.Add(NewActivity(nextActivity++, subDistrict.Id, area, ActivityKind.Publicity, "宣传活动", from.AddYears(year).AddDays(random.Next(30, 330)), RepeatKind.Once, 120));
                    own.Add(NewActivity(nextActivity++, subDistrict.Id, area, ActivityKind.DisasterPrevention, "防灾减灾宣传", from.AddYears(year).AddDays(126), RepeatKind.Once, 120));
                }

                var occurrences = own.Sum(a => Recurrence.Between(a, from, today.AddDays(1)).Count);
                var perOccurrence = Math.Max(2, AttendancePerMember * people.Length / Math.Max(1, occurrences));
                foreach (var activity in own)
                {
                    // The volunteer day is mostly the roster; lectures and oath renewals are members.
                    var fromRoster = activity.Kind == ActivityKind.VolunteerService ? Math.Min(roster.Count, Math.Max(1, perOccurrence * 2 / 5)) : 0;
                    plans.Add((activity, Math.Min(people.Length, perOccurrence - fromRoster), fromRoster));
                    if (activity.Kind is ActivityKind.Publicity or ActivityKind.DisasterPrevention && activity.StartsOn <= today)
                    {
                        tallies.Add(new ActivityTally { Id = nextTally++, ActivityId = activity.Id, Date = activity.StartsOn, SubDistrictId = subDistrict.Id, AreaId = area.Id, Kind = TallyKind.HeadCount, Label = "居民", Count = random.Next(50, 500), RecordedAt = now, RecordedBy = "generated" });
                        tallies.Add(new ActivityTally { Id = nextTally++, ActivityId = activity.Id, Date = activity.StartsOn, SubDistrictId = subDistrict.Id, AreaId = area.Id, Kind = TallyKind.Handout, Label = "宣传手册", Count = random.Next(100, 1000), RecordedAt = now, RecordedBy = "generated" });
                    }
                }

                activities.AddRange(own);
            }
        }

        await WriteAsync(activities, cancellationToken);
        await WriteAsync(volunteers, cancellationToken);
        await WriteAsync(tallies, cancellationToken);
        var rosters = volunteers.GroupBy(v => v.AreaId).ToDictionary(g => g.Key, g => g.Select(v => (v.Id, v.Name)).ToArray());
        var attendanceId = firstAttendance;
        await WriteAsync(plans.SelectMany(p => Attendances(random, p.Activity, from, today, membersByArea.GetValueOrDefault(p.Activity.AreaId!.Value, []), p.Members,
            rosters.GetValueOrDefault(p.Activity.AreaId!.Value, []), p.Volunteers, () => attendanceId++)), cancellationToken);
        Progress(logger, "activities written; attendance rows", attendanceId - firstAttendance, started.Elapsed);
    }

    private static Activity NewActivity(int id, int subDistrictId, ResidentialArea area, ActivityKind kind, string title, DateOnly startsOn, RepeatKind repeat, int minutes) => new()
    {
        Id = id,
        SubDistrictId = subDistrictId,
        AreaId = area.Id,
        Kind = kind,
        Title = title,
        Place = $"{area.Name}居民区活动室",
        StartsOn = startsOn,
        StartTime = new TimeOnly(9, 0),
        Minutes = minutes,
        Repeat = repeat,
        CreatedAt = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        CreatedBy = "generated",
        Version = 0,
    };

    /// <summary>Each past occurrence's people: distinct members (a partial shuffle) and distinct volunteers, checked in.</summary>
    private static IEnumerable<Attendance> Attendances(Random random, Activity activity, DateOnly from, DateOnly today,
        (int Id, string Name, int OrgUnitId)[] people, int memberCount, (int Id, string Name)[] roster, int volunteerCount, Func<int> nextId)
    {
        foreach (var occurrence in Recurrence.Between(activity, from, today.AddDays(1)))
        {
            var startsUtc = occurrence.RuleDate.ToDateTime(activity.StartTime, DateTimeKind.Utc).AddHours(-8);
            for (var i = 0; i < memberCount; i++)
            {
                var j = random.Next(i, people.Length);
                (people[i], people[j]) = (people[j], people[i]);
                var (id, name, unit) = people[i];
                var row = Row(nextId(), activity, occurrence.RuleDate, startsUtc.AddMinutes(random.Next(-20, 15)), name);
                (row.MemberId, row.PersonKey, row.OrgUnitId) = (id, Attendance.KeyOf(id, null), unit);
                yield return row;
            }

            for (var i = 0; i < volunteerCount; i++)
            {
                var j = random.Next(i, roster.Length);
                (roster[i], roster[j]) = (roster[j], roster[i]);
                var (id, name) = roster[i];
                var row = Row(nextId(), activity, occurrence.RuleDate, startsUtc.AddMinutes(random.Next(-20, 15)), name);
                (row.VolunteerId, row.PersonKey, row.ServiceMinutes) = (id, Attendance.KeyOf(null, id), activity.Minutes);
                yield return row;
            }
        }
    }

    private static Attendance Row(int id, Activity activity, DateOnly date, DateTime checkedIn, string name) => new()
    {
        Id = id,
        ActivityId = activity.Id,
        Date = date,
        SubDistrictId = activity.SubDistrictId,
        AreaId = activity.AreaId,
        Name = name,
        CheckedInAt = checkedIn,
        Way = AttendanceWay.QrCode,
        RecordedBy = "generated",
    };
}
