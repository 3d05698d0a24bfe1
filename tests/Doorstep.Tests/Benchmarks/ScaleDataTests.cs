using Doorstep.Benchmarks;
using Doorstep.Data;
using Doorstep.Features.Activities;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.HomeVisits;
using Doorstep.Features.Inspections;
using Doorstep.Features.Listening;
using Doorstep.Features.Members;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Features.HomeVisits;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Benchmarks;

/// <summary>The benchmark data set's shapes (bench/Doorstep.Benchmarks), on a database of its own (it adds sub-districts).</summary>
public class ScaleDataTests(DoorstepApp app) : IClassFixture<DoorstepApp>
{
    [Fact]
    public async Task Generated_members_have_valid_encrypted_ID_numbers_and_realistic_shapes()
    {
        await SpeechDoneAsync();
        var lastId = await app.WithDbAsync(db => db.Members.MaxAsync(m => m.Id));
        var createdBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.Action == AuditAction.Created));
        // Other tests of this class generate on the same database, in any order: count what this one adds.
        var editsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.UserName == "generated"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(3000, seed: 11);
        }

        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var today = ChinaTime.Today(TimeProvider.System);
        var generated = await app.WithDbAsync(db => db.Members.Where(m => m.Id > lastId)
            .Select(m => new { m.Id, m.Name, m.NameInitials, m.IdNumberCipher, m.IdNumberTail, m.BirthDate, m.RegisteredAreaId, m.ResidenceAreaId, m.ResidenceAddress, m.OrgUnitAreaId, UnitAreaId = m.OrgUnit.ResidentialAreaId })
            .ToListAsync());

        Assert.Equal(3000, generated.Count);
        Assert.All(generated.Take(200), m =>
        {
            var id = protector.Decrypt(m.IdNumberCipher);
            Assert.Null(IdNumber.Problem(id));
            Assert.Equal(m.BirthDate, IdNumber.BirthDate(id));
            Assert.Equal(id[^4..], m.IdNumberTail);
            Assert.Equal(Pinyin.Initials(m.Name), m.NameInitials);
        });
        Assert.All(generated, m => Assert.Equal(m.UnitAreaId, m.OrgUnitAreaId));
        var over75 = generated.Count(m => Member.AgeOn(m.BirthDate, today) >= 75) / 3000.0;
        var apart = generated.Count(m => m.RegisteredAreaId != null && (m.ResidenceAreaId != null ? m.ResidenceAreaId != m.RegisteredAreaId : m.ResidenceAddress != null)) / 3000.0;
        Assert.InRange(over75, 0.30, 0.45);
        Assert.InRange(apart, 0.05, 0.20);

        var createdAfter = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.Action == AuditAction.Created));
        var edits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Member" && a.UserName == "generated")) - editsBefore;
        Assert.Equal(createdBefore + 3000, createdAfter);
        Assert.InRange(edits, 300, 2000);
    }

    [Fact]
    public async Task Generated_transfers_and_problem_spots_went_through_their_steps_and_transfers_moved_or_closed_their_files()
    {
        await SpeechDoneAsync();
        var lastMember = await app.WithDbAsync(db => db.Members.MaxAsync(m => m.Id));
        var lastSpot = await app.WithDbAsync(async db => await db.Set<ProblemSpot>().MaxAsync(s => (int?)s.Id) ?? 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(5000, seed: 13);
        }

        var (files, transfers, audited) = await app.WithDbAsync(async db =>
        {
            var files = await db.Members.Where(m => m.Id > lastMember).ToDictionaryAsync(m => m.Id, m => (m.Status, m.OrgUnitId));
            var transfers = await db.Transfers.Where(t => t.MemberId > lastMember).ToListAsync();
            var ids = transfers.Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var audited = await db.AuditEntries.Where(a => a.EntityType == "Transfer" && a.Action == AuditAction.Created && ids.Contains(a.EntityId)).CountAsync();
            return (files, transfers, audited);
        });

        var closed = files.Where(f => f.Value.Status == MemberStatus.TransferredOut).Select(f => f.Key).ToList();
        Assert.NotEmpty(closed);
        Assert.All(closed, id => Assert.Contains(transfers, t => t.MemberId == id && t.Kind == TransferKind.Outbound && t.Status == TransferStatus.Completed));
        Assert.All(transfers.Where(t => t is { Kind: TransferKind.Internal, Status: TransferStatus.Completed }), t => Assert.Equal(t.ToOrgUnitId, files[t.MemberId!.Value].OrgUnitId));
        Assert.All(transfers.Where(t => t.IsPending), t => Assert.Equal(t.FromOrgUnitId, files[t.MemberId!.Value].OrgUnitId));
        Assert.All(transfers.GroupBy(t => t.MemberId), g => Assert.Single(g));
        Assert.Contains(transfers, t => t is { Kind: TransferKind.Inbound, Status: TransferStatus.Completed });
        Assert.Contains(transfers, t => t.IsPending || t.Status == TransferStatus.Returned);
        Assert.InRange(transfers.Count / 5000.0, 0.02, 0.08);
        Assert.Equal(transfers.Count, audited);

        // One problem spot per member over five years, each with a history row per step, routed by its
        // sub-district's matrix; recent ones at every step, older ones closed, a few overdue.
        var spots = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.Id > lastSpot).ToListAsync());
        var steps = await app.WithDbAsync(db => db.Set<SpotUpdate>().Where(u => u.ProblemSpotId > lastSpot)
            .GroupBy(u => u.ProblemSpotId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(u => u.Id) }).ToDictionaryAsync(g => g.Key));
        var now = DateTime.UtcNow;
        Assert.Equal(5000, spots.Count);
        Assert.All(spots, s => Assert.NotNull(s.DepartmentId));
        Assert.All(spots, s => Assert.True(steps[s.Id].Count >= 2, $"spot {s.Id} has {steps[s.Id].Count} history rows"));
        Assert.All(spots.Where(s => s.Status == SpotStatus.Verified), s => Assert.NotEqual("generated-cadre", s.FixedByUserId));
        Assert.InRange(spots.Min(s => s.ReportedAt), now.AddDays(-5 * 365 - 1), now.AddDays(-4 * 365));
        Assert.InRange(spots.Count(s => s.Status == SpotStatus.Verified) / 5000.0, 0.85, 0.99);
        Assert.Contains(spots, s => s.IsOverdue(now));
        Assert.Contains(spots, s => s.Status == SpotStatus.InProgress);
        Assert.Contains(spots, s => s.ReopenCount > 0);
    }

    [Fact]
    public async Task Generated_visits_are_about_five_a_member_over_twenty_campaigns_and_the_running_one_is_exactly_its_rule()
    {
        await SpeechDoneAsync();
        var lastCampaign = await app.WithDbAsync(db => db.Set<VisitCampaign>().MaxAsync(c => (int?)c.Id)) ?? 0;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(3000, seed: 17);
        }

        var (campaigns, tasks, visits, followUps, mismatched) = await app.WithDbAsync(async db =>
        {
            var campaigns = await db.Set<VisitCampaign>().Where(c => c.Id > lastCampaign).Select(c => c.Status).ToListAsync();
            var tasks = await db.Set<VisitTask>().CountAsync(t => t.CampaignId > lastCampaign);
            var visits = await db.Set<HomeVisit>().CountAsync(v => v.CampaignId > lastCampaign);
            var followUps = await db.Set<VisitFollowUp>().CountAsync(f => f.CampaignId > lastCampaign);
            var mismatched = await db.Set<HomeVisit>().CountAsync(v => v.CampaignId > lastCampaign
                && (v.CampaignId != v.Task.CampaignId || v.MemberId != v.Task.MemberId || v.AreaId != v.Task.AreaId));
            return (campaigns, tasks, visits, followUps, mismatched);
        });
        var running = await app.WithDbAsync(db => db.Set<VisitCampaign>().Where(c => c.Id > lastCampaign && c.Status == CampaignStatus.Running).Select(c => c.Id).SingleAsync());

        Assert.Equal(20, campaigns.Count);
        Assert.Equal(19, campaigns.Count(s => s == CampaignStatus.Ended));
        Assert.InRange(tasks / 3000.0, 3.0, 5.0);
        Assert.InRange(visits / 3000.0, 4.0, 6.5);
        Assert.True(followUps > 0);
        Assert.Equal(0, mismatched);
        // 名单核对 finds the running campaign's tasks equal to its rule: nothing to add, reopen, close or move.
        Assert.Equal(new VisitReconciliation.Result(0, 0, 0, 0), await app.ReconcileAsync(running));
    }

    [Fact]
    public async Task Generated_listening_gives_about_twenty_progress_rows_a_member_each_listener_a_card_and_a_summary_and_a_third_of_them_this_month()
    {
        await SpeechDoneAsync();
        var lastMember = await app.WithDbAsync(db => db.Members.MaxAsync(m => m.Id));
        var lastChapter = await app.WithDbAsync(async db => await db.StudyChapters.MaxAsync(c => (int?)c.Id) ?? 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(4000, seed: 15);
        }

        var since = ListeningTime.MonthStartUtc(app.Services.GetRequiredService<TimeProvider>());
        var month = ListeningProgress.MonthOf(DateTime.UtcNow);
        var summaries = await app.WithDbAsync(async db => (
            Count: await db.ListeningSummaries.CountAsync(s => s.MemberId > lastMember),
            ThisMonth: await db.ListeningSummaries.CountAsync(s => s.MemberId > lastMember && s.Month == month && s.MonthListenedSeconds > 0),
            Completed: await db.ListeningSummaries.Where(s => s.MemberId > lastMember).SumAsync(s => s.ChaptersCompleted),
            Seconds: await db.ListeningSummaries.Where(s => s.MemberId > lastMember && s.Month == month).SumAsync(s => s.MonthListenedSeconds)));
        var (chapters, rows, listeners, carded, thisMonth, unfinished, preferring) = await app.WithDbAsync<(int, int, int, int, int, int, int)>(async db =>
        {
            var progress = db.ListeningProgress.Where(p => p.MemberId > lastMember);
            return (
                await db.StudyChapters.CountAsync(c => c.Id > lastChapter),
                await progress.CountAsync(),
                await progress.Select(p => p.MemberId).Distinct().CountAsync(),
                await db.ListeningCards.CountAsync(c => c.MemberId > lastMember && c.RevokedAt == null && progress.Any(p => p.MemberId == c.MemberId)),
                await progress.Where(p => p.UpdatedAt >= since).Select(p => p.MemberId).Distinct().CountAsync(),
                await progress.CountAsync(p => p.CompletedAt == null),
                await db.ListeningPreferences.CountAsync(p => p.MemberId > lastMember));
        });

        Assert.Equal(8 * 12, chapters);
        Assert.InRange(rows / 4000.0, 16, 24);
        Assert.Equal(listeners, carded);
        // Each listener's last chapter is the one under way.
        Assert.Equal(listeners, unfinished);
        Assert.InRange(thisMonth / (double)listeners, 0.25, 0.42);
        Assert.InRange(preferring, 40, 160);
        // The summaries say what the progress rows say.
        var direct = await app.WithDbAsync(async db => (
            Completed: await db.ListeningProgress.CountAsync(p => p.MemberId > lastMember && p.CompletedAt != null),
            Seconds: await db.ListeningProgress.Where(p => p.MemberId > lastMember && p.Month == month).SumAsync(p => p.MonthListenedSeconds)));
        Assert.Equal((listeners, thisMonth, direct.Completed, direct.Seconds), summaries);
    }

    [Fact]
    public async Task Generated_activities_hold_about_ten_check_ins_per_member_each_on_a_day_their_rule_gives()
    {
        await SpeechDoneAsync();
        var (lastActivity, lastMember) = await app.WithDbAsync(async db =>
            (await db.Set<Activity>().MaxAsync(a => (int?)a.Id) ?? 0, await db.Members.MaxAsync(m => m.Id)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(2000, seed: 19);
        }

        var (activities, rows, members, volunteers, probe, lastRow) = await app.WithDbAsync(async db =>
        {
            var activities = await db.Set<Activity>().Where(a => a.Id > lastActivity).ToListAsync();
            var rows = await db.Set<Attendance>().Where(a => a.ActivityId > lastActivity)
                .Select(a => new { a.ActivityId, a.Date, a.PersonKey, a.MemberId, a.VolunteerId, a.ServiceMinutes, a.AreaId, a.CheckedInAt }).ToListAsync();
            var members = await db.Members.Where(m => m.Id > lastMember).ToDictionaryAsync(m => m.Id, m => m.OrgUnitAreaId);
            var volunteers = await db.Set<Volunteer>().Where(v => v.ConsentRecordedBy == "generated").ToDictionaryAsync(v => v.Id, v => v.AreaId);
            var last = await db.Set<Attendance>().MaxAsync(a => a.Id);
            var first = activities.First(a => a.Repeat == RepeatKind.Weekly);
            var probe = new Attendance { ActivityId = first.Id, Date = ChinaTime.Today(TimeProvider.System).AddDays(7), SubDistrictId = first.SubDistrictId, AreaId = first.AreaId, PersonKey = "M0", Name = "编号探测" };
            db.Add(probe);
            await db.SaveChangesAsync();
            return (activities, rows, members, volunteers, probe.Id, last);
        });

        var today = ChinaTime.Today(TimeProvider.System);
        Assert.Equal(activities.Select(a => a.AreaId).Distinct().Count(), activities.Count(a => a.Repeat == RepeatKind.Weekly && a.Kind == ActivityKind.VolunteerService));
        Assert.InRange(rows.Count / 2000.0, 6, 12);
        Assert.Equal(rows.Count, rows.Select(r => (r.ActivityId, r.Date, r.PersonKey)).Distinct().Count());
        var byId = activities.ToDictionary(a => a.Id);
        Assert.All(rows.GroupBy(r => (r.ActivityId, r.Date)).Select(g => g.Key).Where((_, i) => i % 25 == 0), k => Assert.True(Recurrence.OccursOn(byId[k.ActivityId], k.Date) && k.Date <= today, $"{k}"));
        Assert.All(rows.Where(r => r.MemberId != null), r => Assert.Equal(members[r.MemberId!.Value], r.AreaId));
        Assert.All(rows.Where(r => r.VolunteerId != null), r => Assert.Equal((volunteers[r.VolunteerId!.Value], byId[r.ActivityId].Minutes), (r.AreaId!.Value, r.ServiceMinutes!.Value)));
        Assert.Contains(rows, r => r.VolunteerId != null);
        Assert.All(rows, r => Assert.NotNull(r.CheckedInAt));
        Assert.True(probe > lastRow, $"new attendance id {probe} after generated {lastRow}");
    }

    [Fact]
    public async Task The_database_keeps_numbering_after_generated_rows()
    {
        await SpeechDoneAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(50, seed: 12);
        }

        var (lastGenerated, probe) = await app.WithDbAsync(async db =>
        {
            var last = await db.AuditEntries.MaxAsync(a => a.Id);
            var entry = new AuditEntry { UserName = "test", EntityType = "Probe", EntityId = "1", OccurredAt = DateTime.UtcNow };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return (last, entry.Id);
        });

        Assert.True(probe > lastGenerated, $"new id {probe} after generated {lastGenerated}");
    }

    /// <summary>
    /// The demo queued 随身听 speech, whose jobs write audit rows; the generator numbers its audit rows
    /// from the table's largest id, so each test that generates starts once they are done (the tests
    /// of this class run in any order).
    /// </summary>
    private Task<int> SpeechDoneAsync() =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 240 && await db.BackgroundJobs.AnyAsync(j => j.Kind == SpeechJob.Kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running)); i++)
            {
                await Task.Delay(500);
            }

            return 0;
        });
}
