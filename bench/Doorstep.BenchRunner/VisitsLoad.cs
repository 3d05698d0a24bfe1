using System.Text.RegularExpressions;

namespace Doorstep.BenchRunner;

/// <summary>
/// 送学上门 under load (issue 11: recording a visit p95 ≤ 50 ms at 32 connections, 0 errors): the
/// run's area cadre posts the visit form, as the phone does, for the outstanding tasks of their
/// area in the running campaign, each send with an idempotency key of its own ({uuid}), so that
/// every request writes a visit, the task's new state and their audit rows. A stored visit answers
/// with a redirect to 我的走访 and a refused form with the page again, so every answer must be that
/// redirect.
/// </summary>
internal static partial class VisitsLoad
{
    /// <summary>At most the first page of the area's 未走访名单 (50); the requests rotate through them.</summary>
    private const int Tasks = 50;

    public static async Task<IReadOnlyList<LoadScenario>> ScenariosAsync(StaffSession cadre)
    {
        var tasks = new List<string>();
        foreach (var campaign in CampaignLink().Matches(await cadre.GetHtmlAsync("/HomeVisits")).Select(m => m.Groups[1].Value).Distinct())
        {
            tasks = SelectedTask().Matches(await cadre.GetHtmlAsync($"/HomeVisits/Outstanding/{campaign}")).Select(m => m.Groups[1].Value).Distinct().Take(Tasks).ToList();
            if (tasks.Count > 0)
            {
                break;
            }
        }

        if (tasks.Count == 0)
        {
            Console.WriteLine("  送学上门: the cadre's area has no outstanding visit task; the visit scenario is left out");
            return [];
        }

        var token = await cadre.AntiforgeryTokenAsync($"/HomeVisits/Record/{tasks[0]}");
        var requests = tasks.Select(t => LoadScenario.Post($"/HomeVisits/Record/{t}", LoadScenario.FormBody(
        [
            new("__RequestVerificationToken", token),
            new("Input.Key", "{uuid}"),
            new("Input.Outcome", "Visited"),
            new("Input.Items", "《中国共产党简史》"),
            new("Input.TaughtListening", "true"),
            new("Input.StudyNotes", "基准测试走访{n}"),
        ]))).ToList();

        return
        [
            new(Budget.VisitsRecordScenario, "登记走访 POST /HomeVisits/Record/任务（居民区干部，每次一个新的幂等键）", requests, cadre, LoadScenario.Form)
            {
                Answer = "302 /HomeVisits/Mine",
            },
        ];
    }

    [GeneratedRegex(@"/HomeVisits/Details/(\d+)")]
    private static partial Regex CampaignLink();

    [GeneratedRegex(@"name=""Selected"" value=""(\d+)""")]
    private static partial Regex SelectedTask();
}
