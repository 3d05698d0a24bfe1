using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Features.HomeVisits;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.HomeVisits;

/// <summary>Arranging campaigns and reading what the pages say, for the home-visit tests.</summary>
public static class HomeVisitSteps
{
    public static Task<int> AreaIdAsync(this DoorstepApp app, string area) =>
        app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == area).Select(a => a.Id).SingleAsync());

    /// <summary>A running campaign written straight to the database, its tasks made by one reconciliation.</summary>
    public static async Task<int> RunningCampaignAsync(this DoorstepApp app, string title, TargetRule rule)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var campaign = new VisitCampaign
            {
                Title = title,
                SubDistrictId = await db.SubDistricts.Select(s => s.Id).FirstAsync(),
                StartsOn = new DateOnly(2026, 11, 1),
                EndsOn = new DateOnly(2027, 1, 31),
                Package = "《中国共产党简史》\n《论中国共产党历史》",
                MinAge = rule.MinAge,
                MinPartyAge = rule.MinPartyAge,
                CareNeeds = rule.CareNeeds,
                AreaIds = VisitCampaign.JoinAreas(rule.Areas),
                Status = CampaignStatus.Running,
            };
            db.Add(campaign);
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        await app.ReconcileAsync(id);
        return id;
    }

    /// <summary>One pass of the reconciliation, as the periodic job runs it.</summary>
    public static Task<VisitReconciliation.Result> ReconcileAsync(this DoorstepApp app, int campaignId) =>
        app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<VisitReconciliation>().RunAsync(campaignId, null, CancellationToken.None);
        });

    public static Task<List<VisitTask>> TasksAsync(this DoorstepApp app, int campaignId) =>
        app.WithDbAsync(db => db.Set<VisitTask>().AsNoTracking().Where(t => t.CampaignId == campaignId).ToListAsync());

    public static Task ChangeMemberAsync(this DoorstepApp app, int memberId, Action<Member> change) =>
        app.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            change(member);
            return await db.SaveChangesAsync();
        });

    /// <summary>Posts the campaign form's 统计人数 as the page's script does, and reads the count it answers.</summary>
    public static async Task<int?> LiveCountAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync("/HomeVisits/Edit");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/HomeVisits/Edit?handler=Count")
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var count = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count");
        return count.ValueKind == JsonValueKind.Null ? null : count.GetInt32();
    }

    public static async Task WaitForJobAsync(this DoorstepApp app, long jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await app.WithDbAsync(db => db.BackgroundJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync());
            if (status is JobStatus.Succeeded or JobStatus.Failed)
            {
                Assert.Equal(JobStatus.Succeeded, status);
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Job {jobId} did not finish.");
    }

    /// <summary>
    /// The member's task in the campaign once it is as expected, polling for a few seconds: long enough
    /// for a job the save asked for, far shorter than the 10 minutes between periodic runs.
    /// </summary>
    public static async Task<VisitTask> TaskSoonAsync(this DoorstepApp app, int campaignId, int memberId, Func<VisitTask?, bool> expected)
    {
        for (var i = 0; i < 75; i++)
        {
            var task = await app.WithDbAsync(db => db.Set<VisitTask>().AsNoTracking().SingleOrDefaultAsync(t => t.CampaignId == campaignId && t.MemberId == memberId));
            if (expected(task))
            {
                return task!;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Member {memberId}'s task in campaign {campaignId} was not brought in line within 15 seconds of the save.");
        return null!;
    }

    /// <summary>The fields of the visit form as it opened, with the outcome chosen.</summary>
    public static async Task<List<KeyValuePair<string, string>>> VisitFormAsync(this HttpClient client, int taskId, VisitOutcome outcome)
    {
        var page = await client.GetPageAsync($"/HomeVisits/Record/{taskId}");
        return Forms.FieldsOf(page).Where(f => f.Key != "Photo").ToList().With("Input.Outcome", outcome.ToString());
    }

    public static Task<HttpResponseMessage> RecordVisitAsync(this HttpClient client, int taskId, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync($"/HomeVisits/Record/{taskId}", fields);

    /// <summary>Posts the visit form as the browser does with a photo chosen: multipart, the photo in the Photo field.</summary>
    public static async Task<HttpResponseMessage> RecordVisitWithPhotoAsync(this HttpClient client, int taskId, IEnumerable<KeyValuePair<string, string>> fields, byte[] photo)
    {
        var page = await client.GetPageAsync($"/HomeVisits/Record/{taskId}");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new("image/jpeg");
        body.Add(file, "Photo", "visit.jpg");
        return await client.PostAsync($"/HomeVisits/Record/{taskId}", body);
    }

    /// <summary>A plain JPEG as a phone camera would send one.</summary>
    public static byte[] Photo()
    {
        using var image = NetVips.Image.Black(320, 240, bands: 3) + 120;
        return image.JpegsaveBuffer(q: 80);
    }

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);
}
