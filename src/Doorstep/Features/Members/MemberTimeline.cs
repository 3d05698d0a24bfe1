using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members;

/// <summary>One event on a member file's timeline.</summary>
public sealed record TimelineEvent(DateTime OccurredAt, string Who, string What, IReadOnlyList<AuditChange> Changes);

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
                AuditTrail.Read(a.Changes)
                    .Where(c => FieldLabels.ContainsKey(c.Field) || a.Action == AuditAction.Viewed)
                    .Select(c => c with { Field = FieldLabels.GetValueOrDefault(c.Field, c.Field) })
                    .ToList()))
            .ToList();
    }
}
