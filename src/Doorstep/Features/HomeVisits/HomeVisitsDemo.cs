using Doorstep.Data;
using Doorstep.Data.Demo;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>
/// A 送学上门 campaign under way in 张桥 and 瑞鑫: members over 80 or with low vision, the four required
/// books, some visited, some not at home with a revisit date, the rest outstanding. Two areas only:
/// it runs for every test fixture, so it stays a few dozen rows.
/// </summary>
public sealed class HomeVisitsDemo(DoorstepDb db, VisitReconciliation reconciliation, TimeProvider clock) : IFeatureDemo
{
    public const string CampaignTitle = "2026年党史学习教育送学上门";

    public static readonly string[] Books = ["《中国共产党简史》", "《习近平新时代中国特色社会主义思想学习问答》", "《论中国共产党历史》", "《毛泽东邓小平江泽民胡锦涛关于中国共产党历史论述摘编》"];

    private static readonly (string Suggestion, string Owner)[] Suggestions =
    [
        ("小区楼道灯坏了好几盏，老人晚上下楼不方便，希望尽快修好。", "街道城建办"),
        ("希望社区多组织老党员座谈，讲讲入党时的故事给年轻人听。", "居民区党总支"),
    ];

    public int Order => 50;

    public async Task SeedAsync(DemoSubDistrict demo)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new VisitCampaign
        {
            SubDistrictId = demo.SubDistrict.Id,
            Title = CampaignTitle,
            Description = "为年满80周岁或视力减弱、行动不便的党员送学上门，确保党史学习教育无人遗漏、无一掉队。",
            StartsOn = demo.Today.AddDays(-14),
            EndsOn = demo.Today.AddDays(30),
            Package = string.Join('\n', Books),
            MinAge = 80,
            CareNeeds = CareNeeds.LowVision,
            AreaIds = VisitCampaign.JoinAreas([demo.AreasByName["张桥"].Id, demo.AreasByName["瑞鑫"].Id]),
            Status = CampaignStatus.Running,
            CreatedAt = now.AddDays(-15),
            CreatedBy = "街道管理员",
            StartedAt = now.AddDays(-14),
            StartedBy = "街道管理员",
        };
        db.Add(campaign);
        await db.SaveChangesAsync();
        await reconciliation.RunAsync(campaign.Id, null, CancellationToken.None);

        var tasks = await db.Set<VisitTask>().Where(t => t.CampaignId == campaign.Id).OrderBy(t => t.Id).ToListAsync();
        for (var i = 0; i < tasks.Count; i++)
        {
            var outcome = (i % 6) switch
            {
                0 or 1 => VisitOutcome.Visited,
                2 => VisitOutcome.ReceivedByFamily,
                3 => VisitOutcome.NotAtHome,
                _ => (VisitOutcome?)null,
            };
            if (outcome is not { } happened)
            {
                continue;
            }

            var task = tasks[i];
            var revisit = HomeVisit.AsksForRevisit(happened) ? demo.Today.AddDays(demo.Random.Next(-2, 5)) : (DateOnly?)null;
            // Cadres call in the daytime: between 9:00 and 17:00 in Shanghai, one to eleven days ago.
            var at = demo.Today.AddDays(-demo.Random.Next(1, 12)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)
                .AddMinutes(demo.Random.Next(0, 8 * 60)) - ChinaTime.Offset;
            var bytes = new byte[16];
            demo.Random.NextBytes(bytes);
            db.Add(new HomeVisit
            {
                IdempotencyKey = new Guid(bytes),
                TaskId = task.Id,
                CampaignId = campaign.Id,
                MemberId = task.MemberId,
                SubDistrictId = task.SubDistrictId,
                AreaId = task.AreaId,
                Outcome = happened,
                RevisitOn = revisit,
                ItemsDelivered = revisit is null ? string.Join('\n', Books) : "",
                TaughtListening = happened == VisitOutcome.Visited && i % 4 == 0,
                StudyNotes = happened == VisitOutcome.Visited ? "老党员认真听讲，表示要把简史读完，再讲给邻居听。" : null,
                Memories = happened == VisitOutcome.Visited && i % 3 == 0 ? "1960年代在纺织厂入党，当时的入党介绍人是车间主任。" : null,
                VisitedAt = at,
                VisitedBy = task.AssignedToName ?? "街道管理员",
            });
            task.Status = revisit is null ? VisitTaskStatus.Done : VisitTaskStatus.Revisit;
            task.RevisitOn = revisit;
            task.LastVisitAt = at;
        }

        await db.SaveChangesAsync();

        // A suggestion in each area taking part, so that each area's cadre sees 建言献策跟进 at work.
        var visited = await db.Set<HomeVisit>().Where(v => v.CampaignId == campaign.Id && v.Outcome == VisitOutcome.Visited).OrderBy(v => v.Id).ToListAsync();
        var suggestingVisits = visited.GroupBy(v => v.AreaId).Select(g => g.First()).ToList();
        foreach (var (visit, i) in suggestingVisits.Select((v, i) => (v, i)))
        {
            var (suggestion, owner) = Suggestions[i % Suggestions.Length];
            visit.Suggestions = suggestion;
            db.Add(new VisitFollowUp
            {
                VisitId = visit.Id,
                CampaignId = campaign.Id,
                MemberId = visit.MemberId,
                SubDistrictId = visit.SubDistrictId,
                AreaId = visit.AreaId,
                Suggestion = suggestion,
                Owner = owner,
                Status = FollowUpStatus.InProgress,
                CreatedAt = visit.VisitedAt,
            });
        }

        await db.SaveChangesAsync();
    }
}
