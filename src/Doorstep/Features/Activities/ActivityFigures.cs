using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Activities;

/// <summary>
/// The figures pages and the benchmarks read: every figure is a GROUP BY over the rows in the user's
/// scope (counts, never stored totals), on the (SubDistrictId, Date) and (AreaId, Date) indexes.
/// </summary>
public static class ActivityFigures
{
    public sealed record AreaRow(string Area, int CheckedIn, int HeadCount, int Handouts, int VolunteerMinutes);

    public sealed record PersonRow(string Name, string Kind, int Times, int Minutes);

    public sealed record HandoutRow(string Kind, int Count);

    public sealed record Month(IReadOnlyList<AreaRow> Areas, IReadOnlyList<PersonRow> People, IReadOnlyList<HandoutRow> Handouts);

    /// <summary>出勤按单位: a party organisation's members who came (people and times), beside how many it has; volunteers by area.</summary>
    public sealed record UnitRow(string Unit, string Area, int People, int Times, int? Members);

    /// <summary>A month's figures: per area attendees, head-counts, handouts and volunteer hours; the top 100 people by hours; handouts by kind.</summary>
    public static async Task<Month> MonthAsync(DoorstepDb db, DateOnly month)
    {
        var from = month;
        var to = month.AddMonths(1);
        var attendance = await db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < to && a.CheckedInAt != null)
            .GroupBy(a => a.AreaId).Select(g => new { Area = g.Key, Count = g.Count(), Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 }).ToListAsync();
        var tallies = await db.InScope<ActivityTally>().Where(t => t.Date >= from && t.Date < to)
            .GroupBy(t => new { t.AreaId, t.Kind }).Select(g => new { g.Key.AreaId, g.Key.Kind, Count = g.Sum(t => t.Count) }).ToListAsync();
        var names = await AreaNamesAsync(db);
        var areas = attendance.Select(a => a.Area).Concat(tallies.Select(t => t.AreaId)).Distinct().OrderBy(a => a ?? 0);
        var areaRows = areas.Select(area => new AreaRow(
                area is { } id ? names.GetValueOrDefault(id, "") : "街道主办",
                attendance.Where(a => a.Area == area).Sum(a => a.Count),
                tallies.Where(t => t.AreaId == area && t.Kind == TallyKind.HeadCount).Sum(t => t.Count),
                tallies.Where(t => t.AreaId == area && t.Kind == TallyKind.Handout).Sum(t => t.Count),
                attendance.Where(a => a.Area == area).Sum(a => a.Minutes)))
            .ToList();
        var people = (await db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < to && a.CheckedInAt != null)
                .GroupBy(a => new { a.PersonKey, a.Name, Volunteer = a.VolunteerId != null })
                .Select(g => new { g.Key.Name, g.Key.Volunteer, Times = g.Count(), Minutes = g.Sum(a => a.ServiceMinutes) ?? 0 })
                .OrderByDescending(p => p.Minutes).ThenByDescending(p => p.Times).Take(100).ToListAsync())
            .Select(p => new PersonRow(p.Name, p.Volunteer ? "志愿者" : "党员", p.Times, p.Minutes)).ToList();
        var handouts = await db.InScope<ActivityTally>().Where(t => t.Date >= from && t.Date < to && t.Kind == TallyKind.Handout)
            .GroupBy(t => t.Label).Select(g => new { Kind = g.Key, Count = g.Sum(t => t.Count) }).OrderByDescending(h => h.Count)
            .Select(h => new HandoutRow(h.Kind, h.Count)).ToListAsync();
        return new Month(areaRows, people, handouts);
    }

    /// <summary>
    /// Check-ins from <paramref name="from"/> up to <paramref name="to"/> (one activity's when
    /// <paramref name="activityId"/> is given) by the member's party organisation as it stood at
    /// check-in, and volunteers by the activity's area. People count each person once; times count
    /// every check-in.
    /// </summary>
    public static async Task<IReadOnlyList<UnitRow>> ByUnitAsync(DoorstepDb db, DateOnly from, DateOnly to, int? activityId = null)
    {
        var rows = db.InScope<Attendance>().Where(a => a.Date >= from && a.Date < to && a.CheckedInAt != null);
        if (activityId is { } activity)
        {
            rows = rows.Where(a => a.ActivityId == activity);
        }

        var members = await rows.Where(a => a.MemberId != null).GroupBy(a => a.OrgUnitId)
            .Select(g => new { Unit = g.Key, People = g.Select(a => a.PersonKey).Distinct().Count(), Times = g.Count() }).ToListAsync();
        var volunteers = await rows.Where(a => a.VolunteerId != null).GroupBy(a => a.AreaId)
            .Select(g => new { Area = g.Key, People = g.Select(a => a.PersonKey).Distinct().Count(), Times = g.Count() }).ToListAsync();

        var unitIds = members.Where(m => m.Unit != null).Select(m => m.Unit!.Value).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, Area = u.ResidentialArea == null ? null : u.ResidentialArea.Name }).ToDictionaryAsync(u => u.Id);
        // How many members each unit has now, as this user sees them: the share who came.
        var onFile = await db.MembersInScope.Where(m => unitIds.Contains(m.OrgUnitId)).GroupBy(m => m.OrgUnitId)
            .Select(g => new { Unit = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Unit, g => g.Count);
        var areaNames = await AreaNamesAsync(db);

        return members
            .Select(m => m.Unit is { } id && units.TryGetValue(id, out var unit)
                ? new UnitRow(unit.Name, unit.Area is null ? "" : unit.Area + "居民区", m.People, m.Times, onFile.GetValueOrDefault(id))
                : new UnitRow("未记党组织", "", m.People, m.Times, null))
            .OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .Concat(volunteers.OrderBy(v => v.Area ?? 0).Select(v => new UnitRow(
                "志愿者", v.Area is { } area ? areaNames.GetValueOrDefault(area, "") : "街道主办", v.People, v.Times, null)))
            .ToList();
    }

    private static Task<Dictionary<int, string>> AreaNamesAsync(DoorstepDb db) =>
        db.ResidentialAreas.AsNoTracking().Where(a => a.SubDistrictId == db.CurrentUser.Scope.SubDistrictId).ToDictionaryAsync(a => a.Id, a => a.Name + "居民区");
}
