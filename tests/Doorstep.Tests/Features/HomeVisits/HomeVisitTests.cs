using System.Globalization;
using System.Net;
using Doorstep.Features.HomeVisits;
using Doorstep.Features.Members;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Features.Transfers;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.HomeVisits;

/// <summary>送学上门 end to end on the shared demo app: the rule, the tasks, the visit form, scope and coverage.</summary>
[Collection(SharedApp.Name)]
public class HomeVisitTests(DoorstepApp app)
{
    [Fact]
    public async Task The_live_count_equals_the_members_the_rule_matches_and_starting_makes_one_task_each_for_the_areas_cadre()
    {
        var zhangqiao = await app.AreaIdAsync("张桥");
        var dalian = await app.AreaIdAsync("大连");
        var admin = await app.SignedInAsync("admin");
        var rule = new Dictionary<string, string>
        {
            ["Input.Title"] = "计数与启动",
            ["Input.StartsOn"] = "2026-11-01",
            ["Input.EndsOn"] = "2027-01-31",
            ["Input.Package"] = "《中国共产党简史》\n学习手册",
            ["Input.MinAge"] = "85",
            ["Input.MinPartyAge"] = "50",
        }.ToList();
        rule.Add(new("Input.CareNeeds", nameof(CareNeeds.LowVision)));
        rule.Add(new("Input.Areas", zhangqiao.ToString(CultureInfo.InvariantCulture)));
        rule.Add(new("Input.Areas", dalian.ToString(CultureInfo.InvariantCulture)));

        var counted = await admin.LiveCountAsync(rule);
        var today = HomeVisitSteps.Today;
        var expected = await app.WithDbAsync(db => db.Members
            .Where(m => m.Status == MemberStatus.Normal && (m.OrgUnitAreaId == zhangqiao || m.OrgUnitAreaId == dalian))
            .Where(m => m.FullMemberOn != null && m.FullMemberOn <= today.AddYears(-50))
            .Where(m => m.BirthDate <= today.AddYears(-85) || (m.CareNeeds & CareNeeds.LowVision) != 0)
            .Select(m => new { m.Id, m.OrgUnitAreaId }).ToListAsync());
        Assert.Equal(expected.Count, counted);
        Assert.True(expected.Count > 0, "The demo should hold members the rule matches.");
        Assert.Null(await admin.LiveCountAsync(rule.Where(f => f.Key != "Input.Areas")));

        var saved = await admin.PostFormAsync("/HomeVisits/Edit", rule);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var campaignId = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var started = await admin.PostFormAsync($"/HomeVisits/Details/{campaignId}", [], $"/HomeVisits/Details/{campaignId}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var jobId = await app.WithDbAsync(db => db.Set<VisitCampaign>().Where(c => c.Id == campaignId).Select(c => c.StartJobId!.Value).SingleAsync());
        await app.WaitForJobAsync(jobId);

        var tasks = await app.TasksAsync(campaignId);
        Assert.Equal(expected.Select(m => m.Id).Order(), tasks.Select(t => t.MemberId).Order());
        Assert.All(tasks, t => Assert.Equal(expected.Single(m => m.Id == t.MemberId).OrgUnitAreaId, t.AreaId));
        var zhangqiaoCadre = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "zhangqiao").Select(u => u.Id).SingleAsync());
        Assert.All(tasks.Where(t => t.AreaId == zhangqiao), t => Assert.Equal(zhangqiaoCadre, t.AssignedToId));
        Assert.All(tasks, t => Assert.Equal(VisitTaskStatus.Open, t.Status));

        // ADR 0022: the start is audited once on the campaign, naming the count, not once per task.
        var taskIds = tasks.Select(t => t.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var campaignKey = campaignId.ToString(CultureInfo.InvariantCulture);
        var perTask = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(VisitTask) && taskIds.Contains(a.EntityId)));
        var summaries = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(VisitCampaign) && a.EntityId == campaignKey && a.Changes.Contains(VisitReconciliation.TasksAddedField))
            .Select(a => new { a.Changes, a.SubDistrictId }).ToListAsync());
        Assert.Equal(0, perTask);
        var summary = Assert.Single(summaries);
        Assert.Contains($"\"{tasks.Count}\"", summary.Changes, StringComparison.Ordinal);
        Assert.NotNull(summary.SubDistrictId);
    }

    [Fact]
    public async Task A_member_who_comes_to_match_gets_a_task_and_one_who_leaves_is_closed_with_the_reason_never_dropped()
    {
        var ruixin = await app.AreaIdAsync("瑞鑫");
        var (newcomer, _) = await app.NewMemberAsync("瑞鑫", "送学甲");
        var (leaver, _) = await app.NewMemberAsync("瑞鑫", "送学乙");
        var (mover, _) = await app.NewMemberAsync("瑞鑫", "送学丙");
        await app.ChangeMemberAsync(leaver, m => m.CareNeeds = CareNeeds.LivesAlone);
        await app.ChangeMemberAsync(mover, m => m.CareNeeds = CareNeeds.LivesAlone);
        var campaignId = await app.RunningCampaignAsync("名单核对", new TargetRule(null, null, CareNeeds.LivesAlone, [ruixin]));
        Assert.DoesNotContain(await app.TasksAsync(campaignId), t => t.MemberId == newcomer);

        await app.ChangeMemberAsync(newcomer, m => m.CareNeeds = CareNeeds.LivesAlone | CareNeeds.UsesSmartphone);
        await app.ChangeMemberAsync(leaver, m => m.Status = MemberStatus.Deceased);
        var zhangqiaoBranch = await app.BranchOfAsync("张桥");
        await app.ChangeMemberAsync(mover, m => m.OrgUnitId = zhangqiaoBranch);
        var result = await app.ReconcileAsync(campaignId);

        var tasks = await app.TasksAsync(campaignId);
        Assert.Equal(VisitTaskStatus.Open, tasks.Single(t => t.MemberId == newcomer).Status);
        var closed = tasks.Single(t => t.MemberId == leaver);
        Assert.Equal((VisitTaskStatus.Closed, TaskClosedReason.Deceased), (closed.Status, closed.ClosedReason));
        var moved = tasks.Single(t => t.MemberId == mover);
        Assert.Equal((VisitTaskStatus.Closed, TaskClosedReason.LeftAreas), (moved.Status, moved.ClosedReason));
        Assert.True(result.Added >= 1 && result.Closed >= 2);
        Assert.Equal(new VisitReconciliation.Result(0, 0, 0, 0), await app.ReconcileAsync(campaignId));

        var admin = await app.SignedInAsync("admin");
        var ledger = await admin.GetPageAsync($"/HomeVisits/Ledger/{campaignId}/{ruixin}");
        Assert.Contains("已关闭：已故", ledger.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Saving_a_member_file_through_the_edit_page_adds_or_closes_their_task_without_waiting_for_the_periodic_run()
    {
        var ruixin = await app.AreaIdAsync("瑞鑫");
        var (newcomer, _) = await app.NewMemberAsync("瑞鑫", "送学己");
        var (leaver, _) = await app.NewMemberAsync("瑞鑫", "送学庚");
        await app.ChangeMemberAsync(leaver, m => m.CareNeeds = CareNeeds.LowVision);
        var campaignId = await app.RunningCampaignAsync("即时核对", new TargetRule(null, null, CareNeeds.LowVision, [ruixin]));
        Assert.DoesNotContain(await app.TasksAsync(campaignId), t => t.MemberId == newcomer);
        var cadre = await app.SignedInAsync("ruixin");

        var flagged = await cadre.PostFormAsync($"/Members/Edit/{newcomer}",
            Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{newcomer}")).With("Input.CareNeeds", nameof(CareNeeds.LowVision)));
        var added = await app.TaskSoonAsync(campaignId, newcomer, t => t is not null);
        var died = await cadre.PostFormAsync($"/Members/Edit/{leaver}",
            Forms.FieldsOf(await cadre.GetPageAsync($"/Members/Edit/{leaver}")).With("Input.Status", nameof(MemberStatus.Deceased)));
        var closed = await app.TaskSoonAsync(campaignId, leaver, t => t?.Status == VisitTaskStatus.Closed);

        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, died.StatusCode);
        Assert.Equal((VisitTaskStatus.Open, ruixin), (added.Status, added.AreaId));
        Assert.Equal(TaskClosedReason.Deceased, closed.ClosedReason);
        // Coalesced: the saves brought the one waiting run forward rather than queueing a run each.
        Assert.True(await app.WithDbAsync(db => db.BackgroundJobs.CountAsync(j => j.Kind == ReconcileCampaignsJob.Kind && j.Status == JobStatus.Queued)) <= 1);
    }

    [Fact]
    public async Task A_visit_sent_twice_with_one_idempotency_key_is_stored_once_even_when_the_sends_cross()
    {
        var ruixin = await app.AreaIdAsync("瑞鑫");
        var (memberId, _) = await app.NewMemberAsync("瑞鑫", "送学丁");
        await app.ChangeMemberAsync(memberId, m => m.CareNeeds = CareNeeds.HardOfHearing);
        var campaignId = await app.RunningCampaignAsync("幂等", new TargetRule(null, null, CareNeeds.HardOfHearing, [ruixin]));
        var taskId = (await app.TasksAsync(campaignId)).Single(t => t.MemberId == memberId).Id;
        var cadre = await app.SignedInAsync("ruixin");
        var form = (await cadre.VisitFormAsync(taskId, VisitOutcome.Visited))
            .With("Input.Suggestions", "希望多组织老党员座谈。").With("Input.TaughtListening", "true");

        var first = await cadre.RecordVisitAsync(taskId, form);
        var again = await cadre.RecordVisitAsync(taskId, form);
        var crossed = await Task.WhenAll(cadre.RecordVisitAsync(taskId, form), cadre.RecordVisitAsync(taskId, form));

        Assert.All(crossed.Append(first).Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var visits = await app.WithDbAsync(db => db.Set<HomeVisit>().Where(v => v.TaskId == taskId).ToListAsync());
        var visit = Assert.Single(visits);
        Assert.True(visit.TaughtListening);
        Assert.Equal("《中国共产党简史》\n《论中国共产党历史》", visit.ItemsDelivered);
        Assert.Equal(VisitTaskStatus.Done, (await app.TasksAsync(campaignId)).Single(t => t.Id == taskId).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<VisitFollowUp>().CountAsync(f => f.VisitId == visit.Id)));
        var mine = await cadre.GetPageAsync("/HomeVisits/Mine");
        Assert.Contains("没有重复记录", mine.QuerySelector("main .notice")!.TextContent);
        Assert.DoesNotContain(mine.QuerySelectorAll("main .cards li"), li => li.TextContent.Contains("送学丁", StringComparison.Ordinal));
        var file = await cadre.GetPageAsync($"/Members/Details/{memberId}");
        Assert.Contains("送学上门（幂等）：已走访", file.QuerySelector("main")!.TextContent);
        Assert.Contains("建言献策：希望多组织老党员座谈。", file.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Not_at_home_asks_for_a_revisit_date_and_keeps_the_member_outstanding()
    {
        var ruixin = await app.AreaIdAsync("瑞鑫");
        var (memberId, _) = await app.NewMemberAsync("瑞鑫", "送学戊");
        await app.ChangeMemberAsync(memberId, m => m.CareNeeds = CareNeeds.LimitedMobility);
        var campaignId = await app.RunningCampaignAsync("再访", new TargetRule(null, null, CareNeeds.LimitedMobility, [ruixin]));
        var taskId = (await app.TasksAsync(campaignId)).Single(t => t.MemberId == memberId).Id;
        var cadre = await app.SignedInAsync("ruixin");
        var form = await cadre.VisitFormAsync(taskId, VisitOutcome.NotAtHome);

        var refused = await cadre.RecordVisitAsync(taskId, form);
        var revisitOn = HomeVisitSteps.Today.AddDays(3);
        var saved = await cadre.RecordVisitAsync(taskId, form.With("Input.RevisitOn", revisitOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("需要约定再访日期", string.Concat((await refused.ReadHtmlAsync()).QuerySelectorAll(".field-error").Select(e => e.TextContent)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var task = (await app.TasksAsync(campaignId)).Single(t => t.Id == taskId);
        Assert.Equal((VisitTaskStatus.Revisit, revisitOn), (task.Status, task.RevisitOn!.Value));
        var outstanding = await cadre.GetPageAsync($"/HomeVisits/Outstanding/{campaignId}");
        Assert.Contains("送学戊", outstanding.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_Zhangqiao_cadre_can_neither_see_nor_record_nor_assign_a_Ruixin_task()
    {
        var ruixinTask = await app.WithDbAsync(db => db.Set<VisitTask>()
            .Where(t => t.Campaign.Title == HomeVisitsDemo.CampaignTitle && t.AreaId == db.ResidentialAreas.Single(a => a.Name == "瑞鑫").Id && t.Status == VisitTaskStatus.Open)
            .Select(t => new { t.Id, t.CampaignId, t.Member.Name, t.AssignedToId }).FirstAsync());
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var form = await ruixin.VisitFormAsync(ruixinTask.Id, VisitOutcome.Visited);

        var opened = await zhangqiao.GetAsync($"/HomeVisits/Record/{ruixinTask.Id}");
        var ownTask = await app.WithDbAsync(db => db.Set<VisitTask>()
            .Where(t => t.CampaignId == ruixinTask.CampaignId && t.AreaId == db.ResidentialAreas.Single(a => a.Name == "张桥").Id)
            .Select(t => t.Id).FirstAsync());
        var posted = await zhangqiao.PostFormAsync($"/HomeVisits/Record/{ownTask}", form, $"/HomeVisits/Record/{ruixinTask.Id}");
        var zhangqiaoCadre = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "zhangqiao").Select(u => u.Id).SingleAsync());
        var assigned = await zhangqiao.PostFormAsync($"/HomeVisits/Outstanding/{ruixinTask.CampaignId}",
            [new("CadreId", zhangqiaoCadre), new("Selected", ruixinTask.Id.ToString(CultureInfo.InvariantCulture))],
            $"/HomeVisits/Outstanding/{ruixinTask.CampaignId}?handler=Assign");
        var mine = await zhangqiao.GetPageAsync("/HomeVisits/Mine");
        var outstanding = await zhangqiao.GetPageAsync($"/HomeVisits/Outstanding/{ruixinTask.CampaignId}");

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.DoesNotContain(ruixinTask.Name, mine.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(ruixinTask.Name, outstanding.QuerySelector("main")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Set<HomeVisit>().AnyAsync(v => v.TaskId == ruixinTask.Id)));
        Assert.Equal(ruixinTask.AssignedToId, await app.WithDbAsync(db => db.Set<VisitTask>().Where(t => t.Id == ruixinTask.Id).Select(t => t.AssignedToId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/HomeVisits/Ledger/{ruixinTask.CampaignId}/{await app.AreaIdAsync("瑞鑫")}")).StatusCode);
    }

    [Fact]
    public async Task A_visit_photo_shows_as_a_thumbnail_on_the_record_the_ledger_and_the_file_and_a_Zhangqiao_cadre_cannot_fetch_it_by_its_id()
    {
        var ruixinArea = await app.AreaIdAsync("瑞鑫");
        var task = await app.WithDbAsync(db => db.Set<VisitTask>()
            .Where(t => t.Campaign.Title == HomeVisitsDemo.CampaignTitle && t.AreaId == ruixinArea && t.Status == VisitTaskStatus.Open)
            .OrderByDescending(t => t.Id).Select(t => new { t.Id, t.CampaignId, t.MemberId }).FirstAsync());
        var ruixin = await app.SignedInAsync("ruixin");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var admin = await app.SignedInAsync("admin");

        var recorded = await ruixin.RecordVisitWithPhotoAsync(task.Id, await ruixin.VisitFormAsync(task.Id, VisitOutcome.Visited), HomeVisitSteps.Photo());
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var visit = await app.WithDbAsync(db => db.Set<HomeVisit>().Where(v => v.TaskId == task.Id).Select(v => new { v.Id, v.PhotoFileId }).SingleAsync());
        Assert.NotNull(visit.PhotoFileId);
        var photo = $"/HomeVisits/Photo/{visit.Id}";
        var thumbnail = $"a.visit-photo[href='{photo}'] img[src='{photo}']";

        var record = await ruixin.GetPageAsync($"/HomeVisits/Record/{task.Id}");
        var ledger = await ruixin.GetPageAsync($"/HomeVisits/Ledger/{task.CampaignId}/{ruixinArea}");
        var file = await admin.GetPageAsync($"/Members/Details/{task.MemberId}");
        Assert.NotNull(record.QuerySelector(thumbnail));
        Assert.NotNull(ledger.QuerySelector(thumbnail));
        Assert.NotNull(file.QuerySelector($"ol.timeline a[href='{photo}']"));

        var own = await ruixin.GetAsync(photo);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync(photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zhangqiao.GetAsync($"/HomeVisits/Photo/{visit.Id + 100000}")).StatusCode);
    }

    [Fact]
    public async Task Coverage_per_area_and_overall_equals_a_direct_count_of_the_tasks()
    {
        var campaignId = await app.WithDbAsync(db => db.Set<VisitCampaign>().Where(c => c.Title == HomeVisitsDemo.CampaignTitle).Select(c => c.Id).SingleAsync());
        var admin = await app.SignedInAsync("admin");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var today = HomeVisitSteps.Today;

        var page = await admin.GetPageAsync($"/HomeVisits/Details/{campaignId}");
        var cadrePage = await zhangqiao.GetPageAsync($"/HomeVisits/Details/{campaignId}");
        var tasks = await app.WithDbAsync(db => db.Set<VisitTask>().Where(t => t.CampaignId == campaignId)
            .Select(t => new { Area = db.ResidentialAreas.Single(a => a.Id == t.AreaId).Name, t.Status, t.RevisitOn }).ToListAsync());

        var rows = page.QuerySelectorAll("table.coverage tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td.num").Select(td => int.Parse(td.TextContent.Trim(), CultureInfo.InvariantCulture)).ToArray());
        foreach (var (label, group) in tasks.GroupBy(t => t.Area).Select(g => (g.Key + "居民区", g.ToList())).Append(("合计", tasks)))
        {
            var outstanding = group.Count(t => t.Status is VisitTaskStatus.Open or VisitTaskStatus.Revisit);
            int[] expected =
            [
                group.Count(t => t.Status != VisitTaskStatus.Closed),
                group.Count(t => t.Status == VisitTaskStatus.Done),
                outstanding,
                group.Count(t => t.Status == VisitTaskStatus.Revisit && t.RevisitOn <= today),
                group.Count(t => t.Status == VisitTaskStatus.Revisit && t.RevisitOn < today),
            ];
            Assert.Equal(expected, rows[label]);
        }

        Assert.True(rows["合计"][1] > 0 && rows["合计"][2] > 0, "The demo campaign has members visited and members outstanding.");
        var cadreRows = cadrePage.QuerySelectorAll("table.coverage tbody tr th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["张桥居民区", "合计"], cadreRows);
        var export = await admin.GetAsync($"/HomeVisits/Details/{campaignId}?handler=Export");
        Assert.Equal(Doorstep.Infrastructure.SpreadsheetFile<CoverageSheetRow>.ContentType, export.Content.Headers.ContentType!.MediaType);
    }
}
