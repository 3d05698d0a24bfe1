using Deque.AxeCore.Playwright;
using Doorstep.BrowserTests.Support;
using Doorstep.Features.Activities;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Activities;

[Collection(SharedBrowser.Name)]
public class VolunteerCheckInTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_volunteer_opens_the_QR_link_on_a_360_px_phone_checks_in_and_sees_it_among_their_service()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var id = await app.WithDbAsync(async db =>
        {
            var area = await db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).FirstAsync();
            var activity = new Activity
            {
                SubDistrictId = await db.ResidentialAreas.Where(a => a.Id == area).Select(a => a.SubDistrictId).FirstAsync(),
                AreaId = area,
                Kind = ActivityKind.VolunteerService,
                Title = "楼道清理志愿服务",
                Place = "张桥居民区门口",
                StartsOn = today,
                StartTime = new TimeOnly(9, 0),
                Minutes = 120,
                Repeat = RepeatKind.Weekly,
            };
            db.Set<Activity>().Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var token = app.Services.CreateScope().ServiceProvider.GetRequiredService<ActivityTokens>().CheckIn(id, today);
        await using var context = await app.NewContextAsync(Phone.Width, 740);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, ActivitiesDemo.VolunteerUserName);

        await page.GotoAsync($"/Activities/CheckIn/{id}/{ActivityCalendar.DateText(today)}/{token}");
        await Assertions.Expect(page.GetByText("楼道清理志愿服务")).ToBeVisibleAsync();
        Assert.Null(await Phone.SidewaysScrollAsync(page));
        Assert.DoesNotContain((await page.RunAxe()).Violations, v => v.Impact is "serious" or "critical");
        await Phone.ScreenshotAsync(page, "Activities-CheckIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("签到成功");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看我的志愿服务" }).ClickAsync();
        await Assertions.Expect(page.GetByText("楼道清理志愿服务")).ToBeVisibleAsync();
        Assert.Null(await Phone.SidewaysScrollAsync(page));
        Assert.DoesNotContain((await page.RunAxe()).Violations, v => v.Impact is "serious" or "critical");
        await Phone.ScreenshotAsync(page, "Activities-Mine");
    }
}
