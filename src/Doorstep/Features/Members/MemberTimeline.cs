using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>One event on a member file's timeline; <paramref name="Href"/> leads to where it happened, if anywhere.</summary>
public sealed record TimelineEvent(DateTime OccurredAt, string Who, string What, IReadOnlyList<AuditChange> Changes, string? Href = null);

/// <summary>
/// Another feature's events on a member's timeline (transfers, later visits and listening). Members
/// asks every registered source and knows none of them: the dependency points from the feature to
/// the core, not back.
/// </summary>
public interface IMemberTimelineSource
{
    /// <summary>Call only for a member the user has already loaded in scope: sources may read past their own filters.</summary>
    Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member);
}

/// <summary>A link another feature offers on a member's file, e.g. "办理组织关系转出"; shown to users who satisfy the policy.</summary>
public sealed record MemberFileLink(string Title, string Policy, string HrefFormat)
{
    public string Href(int memberId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, HrefFormat, memberId);
}

public static class MemberTimeline
{
    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        [nameof(Member.Name)] = "姓名",
        [nameof(Member.Gender)] = "性别",
        [nameof(Member.Ethnicity)] = "民族",
        [nameof(Member.BirthDate)] = "出生日期",
        [nameof(Member.IdNumberCipher)] = "公民身份号码",
        [nameof(Member.PhoneCipher)] = "手机号",
        [nameof(Member.Education)] = "学历",
        [nameof(Member.JoinedOn)] = "入党日期",
        [nameof(Member.FullMemberOn)] = "转正日期",
        [nameof(Member.Category)] = "党员类别",
        [nameof(Member.OrgUnitId)] = "所在党组织",
        [nameof(Member.RegisteredAddress)] = "户籍地址",
        [nameof(Member.RegisteredAreaId)] = "户籍所在居民区",
        [nameof(Member.ResidenceAddress)] = "居住地址",
        [nameof(Member.ResidenceAreaId)] = "居住所在居民区",
        [nameof(Member.CareNeeds)] = "关怀需求",
        [nameof(Member.Status)] = "状态",
        [nameof(Member.Notes)] = "备注",
    };

    /// <summary>The whole timeline of a file the user has loaded: its own history and every other feature's events, newest first.</summary>
    public static async Task<IReadOnlyList<TimelineEvent>> WithSourcesAsync(DoorstepDb db, Member member, IEnumerable<IMemberTimelineSource> sources)
    {
        var timeline = new List<TimelineEvent>(await ForAsync(db, member));
        foreach (var source in sources)
        {
            timeline.AddRange(await source.ForAsync(member));
        }

        return timeline.OrderByDescending(e => e.OccurredAt).ToList();
    }

    /// <summary>What others changed in the file since the version a form was opened with, as one event.</summary>
    public static async Task<TimelineEvent> ChangesSinceAsync(DoorstepDb db, Member current, int openedVersion)
    {
        var updates = (await ForAsync(db, current, take: Math.Max(1, current.Version - openedVersion) + 10))
            .Where(e => e.What == "修改档案").Take(Math.Max(1, current.Version - openedVersion)).ToList();
        return new TimelineEvent(
            updates.FirstOrDefault()?.OccurredAt ?? default,
            string.Join("、", updates.Select(e => e.Who).Distinct()),
            "修改档案",
            updates.SelectMany(e => e.Changes).ToList());
    }

    /// <summary>
    /// The file's history from the audit. Call it only for a member the user has already loaded
    /// (in scope): the audit itself is readable by the sub-district admin alone.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEvent>> ForAsync(DoorstepDb db, Member member, int take = 50)
    {
        var id = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EntityType == nameof(Member) && a.EntityId == id)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync();

        var changes = entries.ToDictionary(a => a.Id, a => AuditTrail.Read(a.Changes));
        var names = await NamesAsync(db, changes.Values.SelectMany(c => c));
        return entries.Select(a => new TimelineEvent(
                a.OccurredAt,
                a.UserName,
                a.Action switch
                {
                    AuditAction.Created => "建立档案",
                    AuditAction.Updated => "修改档案",
                    AuditAction.Deleted => "删除档案",
                    AuditAction.Viewed => "查看敏感信息",
                },
                changes[a.Id]
                    .Where(c => FieldLabels.ContainsKey(c.Field) || a.Action == AuditAction.Viewed)
                    .Select(c => new AuditChange(FieldLabels.GetValueOrDefault(c.Field, c.Field), Shown(c.Field, c.Old, names), Shown(c.Field, c.New, names)))
                    .ToList()))
            .ToList();
    }

    /// <summary>The audit keeps ids and enum names; the timeline shows what the file page shows.</summary>
    private static string? Shown(string field, string? value, IReadOnlyDictionary<(string, string), string> names) => value switch
    {
        null => null,
        _ when names.TryGetValue((field, value), out var name) => name,
        _ when field == nameof(Member.Status) && Enum.TryParse<MemberStatus>(value, out var status) => Member.Label(status),
        _ when field == nameof(Member.Gender) && Enum.TryParse<Gender>(value, out var gender) => Member.Label(gender),
        _ when field == nameof(Member.Category) && Enum.TryParse<MemberCategory>(value, out var category) => Member.Label(category),
        _ when field == nameof(Member.CareNeeds) && Enum.TryParse<CareNeeds>(value, out var needs) =>
            needs == CareNeeds.None ? "无" : string.Join("、", Member.Labels(needs)),
        _ => value,
    };

    private static async Task<IReadOnlyDictionary<(string, string), string>> NamesAsync(DoorstepDb db, IEnumerable<AuditChange> changes)
    {
        int[] Ids(params string[] fields) => changes.Where(c => fields.Contains(c.Field)).SelectMany(c => new[] { c.Old, c.New })
            .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToArray();

        var unitIds = Ids(nameof(Member.OrgUnitId));
        var areaIds = Ids(nameof(Member.RegisteredAreaId), nameof(Member.ResidenceAreaId));
        var names = new Dictionary<(string, string), string>();
        if (unitIds.Length > 0)
        {
            foreach (var u in await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync())
            {
                names[(nameof(Member.OrgUnitId), u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = u.Name;
            }
        }

        if (areaIds.Length > 0)
        {
            foreach (var a in await db.ResidentialAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync())
            {
                var id = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                names[(nameof(Member.RegisteredAreaId), id)] = names[(nameof(Member.ResidenceAreaId), id)] = a.Name + "居民区";
            }
        }

        return names;
    }
}
