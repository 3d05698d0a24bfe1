using Doorstep.Features.HomeVisits;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

public sealed partial class ScaleData
{
    private const int CampaignsPerSubDistrict = 20;
    private const string Package = "《中国共产党简史》\n《论中国共产党历史》\n《毛泽东、邓小平、江泽民、胡锦涛关于中国共产党历史论述摘编》\n《习近平新时代中国特色社会主义思想学习问答》";

    /// <summary>
    /// 送学上门 in proportion (issue 11: 5,000,000 visits over 20 campaigns at 1,000,000 members): each
    /// sub-district ran 20 campaigns, twice a year, the last one still under way. About four tasks and
    /// five visits per member: the running campaign's tasks are exactly its rule's members (age ≥ 80
    /// or low vision or limited mobility), so the app's 名单核对 finds nothing to change; the ended
    /// ones took a fifth of the sub-district's members each. A visited task had one to a few visits
    /// (the earlier ones 不在家), one suggestion in a hundred became a follow-up. Tasks go to the area's
    /// cadre (one account id per area, as the suite's cadres are named), a twentieth unassigned.
    /// Written a sub-district at a time, so memory stays that of one sub-district's visits.
    /// </summary>
    private async Task WriteVisitsAsync(IReadOnlyList<Member> members, int seed, DateOnly today, System.Diagnostics.Stopwatch started, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 11);
        var campaignId = await NextIdAsync<VisitCampaign>(c => c.Id, cancellationToken);
        var taskId = await NextIdAsync<VisitTask>(t => t.Id, cancellationToken);
        var visitId = await NextIdAsync<HomeVisit>(v => v.Id, cancellationToken);
        var followUpId = await NextIdAsync<VisitFollowUp>(f => f.Id, cancellationToken);
        var items = Package.Split('\n');
        long visitsWritten = 0;

        foreach (var place in members.Where(m => m.OrgUnitAreaId != null).GroupBy(m => m.SubDistrictId))
        {
            var people = place.ToList();
            var areas = people.Select(m => m.OrgUnitAreaId!.Value).Distinct().Order().ToList();
            var normal = people.Where(m => m.Status == MemberStatus.Normal).ToList();
            var campaigns = new List<VisitCampaign>();
            var tasks = new List<VisitTask>();
            var visits = new List<HomeVisit>();
            var followUps = new List<VisitFollowUp>();
            for (var k = 0; k < CampaignsPerSubDistrict; k++)
            {
                var running = k == CampaignsPerSubDistrict - 1;
                var startsOn = today.AddDays(-30 - (CampaignsPerSubDistrict - 1 - k) * 182);
                var campaign = new VisitCampaign
                {
                    Id = campaignId++,
                    SubDistrictId = place.Key,
                    Title = $"{startsOn.Year}年{(startsOn.Month <= 6 ? "上" : "下")}半年送学上门",
                    StartsOn = startsOn,
                    EndsOn = startsOn.AddDays(90),
                    Package = Package,
                    MinAge = 80,
                    CareNeeds = CareNeeds.LowVision | CareNeeds.LimitedMobility,
                    AreaIds = VisitCampaign.JoinAreas(areas),
                    // Running only once its tasks are written (below): 名单核对 leaves a draft alone.
                    Status = running ? CampaignStatus.Draft : CampaignStatus.Ended,
                    CreatedAt = Utc(startsOn.AddDays(-7), TimeOnly.MinValue),
                    CreatedBy = "generated",
                    StartedAt = Utc(startsOn, new TimeOnly(1, 0)),
                    StartedBy = "generated",
                };
                campaigns.Add(campaign);

                // The running campaign's tasks are its rule's members, as 名单核对 would keep them.
                var matches = campaign.Rule.Matches(today).Compile();
                var targeted = running
                    ? normal.Where(matches).ToList()
                    : normal.Where(_ => random.Next(100) < 19).ToList();
                var began = campaign.StartedAt.Value;
                foreach (var member in targeted)
                {
                    var area = member.OrgUnitAreaId!.Value;
                    var roll = random.Next(100);
                    var status = running
                        ? roll < 55 ? VisitTaskStatus.Done : roll < 65 ? VisitTaskStatus.Revisit : VisitTaskStatus.Open
                        : roll < 90 ? VisitTaskStatus.Done : roll < 95 ? VisitTaskStatus.Revisit : roll < 98 ? VisitTaskStatus.Open : VisitTaskStatus.Closed;
                    var task = new VisitTask
                    {
                        Id = taskId++,
                        CampaignId = campaign.Id,
                        MemberId = member.Id,
                        SubDistrictId = place.Key,
                        AreaId = area,
                        AssignedToId = random.Next(20) == 0 ? null : BenchTarget.AreaCadre(place.Key, area).Id,
                        Status = status,
                        CreatedAt = began,
                    };
                    task.AssignedToName = task.AssignedToId is null ? null : "基准测试·居民区干部";
                    tasks.Add(task);
                    if (status == VisitTaskStatus.Closed)
                    {
                        task.ClosedReason = TaskClosedReason.NoLongerMatches;
                        task.ClosedAt = began.AddDays(random.Next(1, 90));
                        continue;
                    }

                    if (status == VisitTaskStatus.Open)
                    {
                        continue;
                    }

                    // About 1.4 visits for each visited task: five visits a member over the 20 campaigns.
                    var count = 1 + (random.Next(100) < 40 ? 1 : 0) + (random.Next(100) < 3 ? 1 : 0);
                    var at = began;
                    for (var v = 0; v < count; v++)
                    {
                        var last = v == count - 1;
                        at = at.AddHours(random.Next(2, running ? 200 : 600));
                        var outcome = !last || status == VisitTaskStatus.Revisit
                            ? (VisitOutcome)random.Next((int)VisitOutcome.NotAtHome, (int)VisitOutcome.InHospital + 1)
                            : random.Next(10) == 0 ? VisitOutcome.ReceivedByFamily : VisitOutcome.Visited;
                        var visit = new HomeVisit
                        {
                            Id = visitId++,
                            IdempotencyKey = KeyFrom(random),
                            TaskId = task.Id,
                            CampaignId = campaign.Id,
                            MemberId = member.Id,
                            SubDistrictId = place.Key,
                            AreaId = area,
                            Outcome = outcome,
                            RevisitOn = HomeVisit.AsksForRevisit(outcome) ? DateOnly.FromDateTime(at).AddDays(random.Next(1, 21)) : null,
                            ItemsDelivered = HomeVisit.AsksForRevisit(outcome) ? "" : string.Join('\n', items.Take(random.Next(1, items.Length + 1))),
                            TaughtListening = random.Next(3) == 0,
                            StudyNotes = random.Next(5) == 0 ? "认真学习了党史，很受教育。" : null,
                            Memories = random.Next(20) == 0 ? "1970年代在纺织厂入党，至今难忘。" : null,
                            VisitedAt = at,
                            VisitedBy = "基准测试·居民区干部",
                        };
                        if (last && random.Next(100) == 0)
                        {
                            visit.Suggestions = "建议楼道加装扶手。";
                            var answered = !running || random.Next(2) == 0;
                            followUps.Add(new VisitFollowUp
                            {
                                Id = followUpId++,
                                VisitId = visit.Id,
                                CampaignId = campaign.Id,
                                MemberId = member.Id,
                                SubDistrictId = place.Key,
                                AreaId = area,
                                Suggestion = visit.Suggestions,
                                Owner = answered ? "街道管理办" : null,
                                Status = answered ? FollowUpStatus.Answered : FollowUpStatus.Open,
                                Answer = answered ? "已联系物业，扶手本月内安装。" : null,
                                CreatedAt = at,
                                AnsweredAt = answered ? at.AddDays(random.Next(1, 30)) : null,
                                AnsweredBy = answered ? "generated" : null,
                            });
                        }

                        visits.Add(visit);
                        task.LastVisitAt = at;
                        task.RevisitOn = visit.RevisitOn;
                    }

                    if (status == VisitTaskStatus.Revisit && running && task.RevisitOn is { } on && on < today.AddDays(-20))
                    {
                        task.RevisitOn = today.AddDays(random.Next(-5, 10));
                    }
                }
            }

            await WriteAsync(campaigns, cancellationToken);
            await WriteAsync(tasks, cancellationToken);
            await WriteAsync(visits, cancellationToken);
            await WriteAsync(followUps, cancellationToken);
            var under = campaigns[^1].Id;
            await db.Set<VisitCampaign>().IgnoreQueryFilters().Where(c => c.Id == under)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Running), cancellationToken);
            visitsWritten += visits.Count;
        }

        var written = (int)Math.Min(int.MaxValue, visitsWritten);
        Progress(logger, "home visits written", written, started.Elapsed);
    }

    /// <summary>The app keeps times in UTC (PostgreSQL refuses any other kind).</summary>
    private static DateTime Utc(DateOnly day, TimeOnly time) => DateTime.SpecifyKind(day.ToDateTime(time), DateTimeKind.Utc);

    /// <summary>An idempotency key as a phone makes one, drawn from the seed.</summary>
    private static Guid KeyFrom(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private async Task<int> NextIdAsync<T>(System.Linq.Expressions.Expression<Func<T, int>> id, CancellationToken cancellationToken) where T : class =>
        (await db.Set<T>().IgnoreQueryFilters().Select(id).MaxAsync(i => (int?)i, cancellationToken) ?? 0) + 1;
}
