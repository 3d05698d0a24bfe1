using Doorstep.Data;
using Doorstep.Features.Audit;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Audit;

/// <summary>The audit page speaks the pages' language: labels, values in words, China time, records by name.</summary>
[Collection(SharedApp.Name)]
public class AuditPageTests(DoorstepApp app)
{
    [Fact]
    public async Task A_changed_file_shows_the_members_name_field_labels_values_in_words_and_unit_names()
    {
        var memberId = await app.FirstOfAreaAsync("瑞鑫", skip: 37);
        var (name, fromUnit, toUnit) = await app.WithDbAsync(async db =>
        {
            var member = await db.Members.Include(m => m.OrgUnit).SingleAsync(m => m.Id == memberId);
            var other = await db.OrgUnits.FirstAsync(u => u.ResidentialAreaId == member.OrgUnit.ResidentialAreaId && u.Id != member.OrgUnitId);
            var from = member.OrgUnit.Name;
            member.Status = MemberStatus.LostContact;
            member.CareNeeds = CareNeeds.LowVision | CareNeeds.LivesAlone;
            member.BirthDate = new DateOnly(1941, 3, 15);
            member.OrgUnitId = other.Id;
            await db.SaveChangesAsync();
            return (member.Name, from, other.Name);
        });
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync("/Audit?entity=Member");

        var entry = page.QuerySelectorAll(".timeline > li").First(li => li.QuerySelector(".record")?.TextContent == name);
        Assert.Matches($@"^\d{{4}}年\d{{1,2}}月\d{{1,2}}日 \d{{2}}:\d{{2}} · \S+ · 修改 · 党员档案 {name}$", entry.QuerySelector("p")!.TextContent);
        var changes = entry.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("状态：正常 → 失联", changes);
        Assert.Contains(changes, c => c.StartsWith("关怀需求：", StringComparison.Ordinal) && c.EndsWith("→ 视力减弱、独居", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.StartsWith("出生日期：", StringComparison.Ordinal) && c.EndsWith("→ 1941年3月15日", StringComparison.Ordinal));
        Assert.Contains($"所在党组织：{fromUnit} → {toUnit}", changes);
        Assert.DoesNotContain(changes, c => c.Contains("Status") || c.Contains("OrgUnit") || c.Contains("LostContact") || c.Contains("NameInitials"));
    }

    [Fact]
    public async Task Times_in_the_audit_are_shown_in_China_time_and_dates_and_yes_no_in_words()
    {
        Assert.Equal("2026年11月29日 14:05", AuditRows.General("2026-11-29 06:05:00"));
        Assert.Equal("2026年11月30日 07:30", AuditRows.General("2026-11-29 23:30:00 +00:00"));
        Assert.Equal("1941年3月15日", AuditRows.General("1941-03-15"));
        Assert.Equal(["是", "否", "虹口区张桥路88号"], [AuditRows.General("True"), AuditRows.General("False"), AuditRows.General("虹口区张桥路88号")]);

        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetPageAsync("/Audit");

        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", page.QuerySelector(".timeline")!.TextContent);
    }

    [Fact]
    public async Task Every_kind_of_record_in_the_audit_has_a_name_in_Chinese_and_every_field_a_label_or_a_reason_to_hide()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        var subjects = scope.ServiceProvider.GetServices<AuditSubject>().ToDictionary(s => s.EntityType);

        var kinds = await db.AuditEntries.IgnoreQueryFilters().Select(a => a.EntityType).Distinct().ToListAsync();
        Assert.All(kinds, kind => Assert.True(subjects.ContainsKey(kind), $"No feature registers audit labels for {kind}."));

        var unlabelled = db.Model.GetEntityTypes()
            .Where(t => subjects.ContainsKey(t.ShortName()))
            .SelectMany(t => t.GetProperties()
                .Where(p => !p.IsPrimaryKey() && p.Name != nameof(IVersioned.Version) && !subjects[t.ShortName()].Fields.ContainsKey(p.Name))
                .Select(p => $"{t.ShortName()}.{p.Name}"))
            .ToList();
        Assert.True(unlabelled.Count == 0, "Fields without a label (or null to hide them): " + string.Join(", ", unlabelled));
    }

    [Fact]
    public async Task The_kinds_in_the_filter_come_from_the_features_in_their_order()
    {
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync("/Audit");

        var kinds = page.QuerySelectorAll("#entity option").Select(o => o.TextContent).ToList();
        Assert.Equal(["全部", "党员档案", "党员名单导出", "批量导入", "党组织", "居民区", "部门", "街道", "组织关系接转", "临时党支部成员",
            "活动", "活动报名与签到", "活动调整", "活动人数与发放", "活动照片", "志愿者",
            "送学上门活动", "走访任务", "走访记录", "建言献策跟进",
            "随身听书目", "随身听章节", "随身听卡", "随身听收听记录", "学习方式偏好",
            "创文问题", "创文问题办理记录", "创文问题类别", "创文责任清单", "创文巡查点位", "创文巡查安排", "创文巡查记录", "创文点位巡查结果", "居民区平面图",
            "账户", "账户角色", "角色", "账户关联", "文件", "个人信息密钥校验值"], kinds);
    }
}
