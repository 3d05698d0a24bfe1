using System.Net;
using System.Net.Http.Json;
using Doorstep.Features.Activities;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Activities;

/// <summary>Planning, signing up and checking in through the real pages, API and database, within scope.</summary>
[Collection(SharedApp.Name)]
public class ActivityFlowTests(DoorstepApp app)
{
    private static string Today => ActivityCalendar.DateText(ChinaTime.Today(TimeProvider.System));

    private Task<int> AreaAsync(string name) => app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == name).Select(a => a.Id).FirstAsync());

    private async Task<int> CreateActivityAsync(HttpClient client, string title, string where)
    {
        var response = await client.PostFormAsync("/Activities/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ActivityKind.VolunteerService),
            ["Input.Title"] = title,
            ["Input.Where"] = where,
            ["Input.Place"] = "居委会门口",
            ["Input.StartsOn"] = Today,
            ["Input.StartTime"] = "09:00",
            ["Input.Minutes"] = "90",
            ["Input.Repeat"] = nameof(RepeatKind.Weekly),
            ["Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_form_refuses_a_bad_rule_and_a_missing_kind_at_their_fields()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");

        var response = await zhangqiao.PostFormAsync("/Activities/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "规则有误",
            ["Input.Where"] = (await AreaAsync("张桥")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartsOn"] = Today,
            ["Input.StartTime"] = "09:00",
            ["Input.Minutes"] = "90",
            ["Input.Repeat"] = nameof(RepeatKind.Custom),
            ["Input.CustomRule"] = "每周四",
        });
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择活动类型", page.QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent);
        Assert.Contains("无法识别", page.QuerySelector("[data-valmsg-for='Input.CustomRule']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Set<Activity>().AnyAsync(a => a.Title == "规则有误")));
    }

    [Fact]
    public async Task Checking_in_twice_counts_once_and_the_figures_equal_direct_counts()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = await CreateActivityAsync(zhangqiao, "签到一次", (await AreaAsync("张桥")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var volunteer = await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => db.ResidentialAreas.Any(a => a.Id == v.AreaId && a.Name == "张桥")).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var url = $"/Activities/Details/{id}?date={Today}";

        await zhangqiao.PostFormAsync(url, [new("person", $"V{volunteer}")], $"/Activities/Details/{id}?date={Today}&handler=SignUp");
        var first = await zhangqiao.PostFormAsync(url, [new("person", $"V{volunteer}")], $"/Activities/Details/{id}?date={Today}&handler=CheckIn");
        var second = await zhangqiao.PostFormAsync(url, [new("person", $"V{volunteer}")], $"/Activities/Details/{id}?date={Today}&handler=CheckIn");
        var api = await zhangqiao.PostAsJsonAsync($"/api/v1/activities/{id}/attendance", new { date = Today, person = $"V{volunteer}", checkIn = true });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, api.StatusCode);
        var rows = await app.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ActivityId == id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.NotNull(row.CheckedInAt);
        Assert.Equal(90, row.ServiceMinutes);

        var month = ActivityCalendar.MonthText(new DateOnly(ChinaTime.Today(TimeProvider.System).Year, ChinaTime.Today(TimeProvider.System).Month, 1));
        var figures = await zhangqiao.GetPageAsync($"/Activities/Figures?month={month}");
        var zhangqiaoArea = await AreaAsync("张桥");
        var (checkedIn, minutes) = await app.WithDbAsync(async db =>
        {
            var first = ActivityCalendar.ParseMonth(month)!.Value;
            var rowsThisMonth = db.Set<Attendance>().Where(a => a.AreaId == zhangqiaoArea && a.Date >= first && a.Date < first.AddMonths(1) && a.CheckedInAt != null);
            return (await rowsThisMonth.CountAsync(), await rowsThisMonth.SumAsync(a => a.ServiceMinutes) ?? 0);
        });
        var cells = figures.QuerySelectorAll("main table")[0].QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == "张桥居民区").Children;
        Assert.Equal(checkedIn.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1].TextContent);
        Assert.Equal(MineModel.Hours(minutes), cells[4].TextContent);

        var listed = await zhangqiao.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/v1/activities/{id}/attendance?date={Today}");
        Assert.Equal(volunteer, Assert.Single(listed!).GetProperty("volunteerId").GetInt32());
    }

    [Fact]
    public async Task A_members_check_in_appears_on_their_file_with_a_link_to_the_day()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = await CreateActivityAsync(zhangqiao, "档案里的签到", (await AreaAsync("张桥")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var member = await app.WithDbAsync(db => db.Members.Where(m => m.OrgUnit.ResidentialArea!.Name == "张桥").OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
        var url = $"/Activities/Details/{id}?date={Today}";

        await zhangqiao.PostFormAsync(url, [new("person", $"M{member}")], url + "&handler=CheckIn");
        var file = await zhangqiao.GetPageAsync($"/Members/Details/{member}");

        var entry = Assert.Single(file.QuerySelectorAll("a"), a => a.TextContent.Contains("档案里的签到", StringComparison.Ordinal));
        Assert.Contains("参加志愿服务：档案里的签到", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal(url, entry.GetAttribute("href"));
    }

    [Fact]
    public async Task A_cadre_cannot_sign_up_or_check_in_people_outside_their_scope()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var id = await CreateActivityAsync(zhangqiao, "范围之内", (await AreaAsync("张桥")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ruixinMember = await app.WithDbAsync(db => db.Members.Where(m => m.OrgUnit.ResidentialArea!.Name == "瑞鑫").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var ruixinVolunteer = await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => db.ResidentialAreas.Any(a => a.Id == v.AreaId && a.Name == "瑞鑫")).Select(v => v.Id).FirstAsync());
        var url = $"/Activities/Details/{id}?date={Today}";

        var member = await zhangqiao.PostFormAsync(url, [new("person", $"M{ruixinMember}")], url + "&handler=SignUp");
        var volunteer = await zhangqiao.PostFormAsync(url, [new("person", $"V{ruixinVolunteer}")], url + "&handler=CheckIn");
        var api = await zhangqiao.PostAsJsonAsync($"/api/v1/activities/{id}/attendance", new { date = Today, person = $"M{ruixinMember}", checkIn = true });
        var otherArea = await ruixin.GetAsync(url);
        var otherAreaApi = await ruixin.PostAsJsonAsync($"/api/v1/activities/{id}/attendance", new { date = Today, person = $"V{ruixinVolunteer}", checkIn = true });

        Assert.Contains("找不到这位人员", (await member.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("找不到这位人员", (await volunteer.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherArea.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAreaApi.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Attendance>().AnyAsync(a => a.ActivityId == id)));
    }

    [Fact]
    public async Task A_volunteer_checks_in_by_the_QR_link_once_and_sees_only_their_own_hours()
    {
        var admin = await app.SignedInAsync("admin");
        var id = await CreateActivityAsync(admin, "扫码签到", (await AreaAsync("张桥")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var date = ChinaTime.Today(TimeProvider.System);
        var token = app.Services.CreateScope().ServiceProvider.GetRequiredService<ActivityTokens>().CheckIn(id, date);
        var link = $"/Activities/CheckIn/{id}/{Today}/{token}";
        var zhiyuan = await app.SignedInAsync(ActivitiesDemo.VolunteerUserName);

        var wrong = await zhiyuan.GetAsync($"/Activities/CheckIn/{id}/{Today}/0000000000aaaaaaaaaa");
        var form = (await zhiyuan.GetPageAsync(link)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await zhiyuan.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", form)]));
        var again = await zhiyuan.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", form)]));
        var mine = await zhiyuan.GetPageAsync("/Activities/Mine");
        var roster = await zhiyuan.GetAsync("/Activities/Volunteers");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("签到成功", (await again.ReadHtmlAsync()).QuerySelector("main")!.TextContent);
        var volunteerId = await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => v.AccountId != null).Select(v => v.Id).SingleAsync());
        var row = Assert.Single(await app.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ActivityId == id).ToListAsync()));
        Assert.Equal((volunteerId, AttendanceWay.QrCode), (row.VolunteerId, row.Way));
        Assert.Contains("扫码签到", mine.QuerySelector("main")!.TextContent);
        Assert.Contains("AccessDenied", roster.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task The_area_feed_answers_only_its_secret_link_and_the_demo_counts_the_disaster_prevention_day()
    {
        var area = await AreaAsync("张桥");
        var token = app.Services.CreateScope().ServiceProvider.GetRequiredService<ActivityTokens>().Feed(area);
        var anonymous = app.NewClient();

        var feed = await anonymous.GetAsync($"/calendar/areas/{area}.ics?token={token}");
        var guessed = await anonymous.GetAsync($"/calendar/areas/{area}.ics?token=abc");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", text);
        Assert.Contains("创文志愿者活动日", text);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        var tallies = await app.WithDbAsync(db => db.Set<ActivityTally>().Where(t => t.Activity.Kind == ActivityKind.DisasterPrevention)
            .Select(t => new { t.Kind, t.Label, t.Count }).ToListAsync());
        Assert.Contains(tallies, t => t.Kind == TallyKind.HeadCount && t.Count >= 500);
        Assert.Contains(tallies, t => t.Kind == TallyKind.Handout && t.Label == "宣传手册" && t.Count >= 1000);
    }
}
