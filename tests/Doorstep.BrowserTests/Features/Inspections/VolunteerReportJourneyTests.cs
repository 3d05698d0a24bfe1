using Doorstep.BrowserTests.Support;
using Doorstep.Features.Activities;
using Doorstep.Features.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Inspections;

/// <summary>Issue 14's browser test: a volunteer on a 360 px phone reports a spot with a photo at one of the area's points, and follows it; axe passes.</summary>
[Collection(SharedBrowser.Name)]
public class VolunteerReportJourneyTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_volunteer_reports_a_spot_with_a_photo_at_a_point_on_a_phone_and_follows_it_on_their_own_list()
    {
        await using var context = await app.NewContextAsync(width: Phone.Width, height: 780);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, ActivitiesDemo.VolunteerUserName);
        var findings = new List<string>();

        await page.GotoAsync("/Inspections/Mine");
        await CheckAsync("inspections-mine-before");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记问题", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记创文问题", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("卫生死角").CheckAsync();
        // Picking a point fills the place.
        var points = page.GetByLabel("巡查点位（可不选）");
        var point = await points.Locator("option").Nth(1).TextContentAsync();
        await points.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Assertions.Expect(page.GetByLabel("地址或地标")).ToHaveValueAsync(point!.Trim());
        await page.GetByLabel("问题描述").FillAsync("垃圾箱房门口散落垃圾，有异味");
        await page.GetByLabel("整改前照片（可拍照，最多 6 张）").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.jpg",
            MimeType = "image/jpeg",
            Buffer = Photo(),
        });
        await CheckAsync("inspections-volunteer-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记");
        await Assertions.Expect(page.Locator(".cards > li").First).ToContainTextAsync(point.Trim());
        await CheckAsync("inspections-mine");
        var spot = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.Description == "垃圾箱房门口散落垃圾，有异味").SingleAsync());
        Assert.Equal((ReporterKind.Volunteer, point.Trim()), (spot.ReporterKind, spot.Address));
        Assert.NotNull(spot.ReporterVolunteerId);
        Assert.NotNull(spot.InspectionPointId);
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        async Task CheckAsync(string name) => findings.AddRange(await Phone.ProblemsAsync(page, name));
    }

    private static byte[] Photo()
    {
        using var image = NetVips.Image.Black(640, 480, bands: 3) + 140;
        return image.JpegsaveBuffer(q: 80);
    }
}
