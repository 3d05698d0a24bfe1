using Doorstep.BrowserTests.Support;
using Doorstep.Features.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Features.Inspections;

/// <summary>创文 on a 360 px phone: the 张桥 cadre registers a problem with a photo, sees it routed; the pages pass axe.</summary>
[Collection(SharedBrowser.Name)]
public class ReportSpotJourneyTests(BrowserApp app)
{
    [BrowserFact]
    public async Task The_Zhangqiao_cadre_reports_a_spot_with_a_photo_on_a_phone_and_sees_it_routed_to_its_department()
    {
        await using var context = await app.NewContextAsync(width: Phone.Width, height: 780);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "zhangqiao");
        var findings = new List<string>();

        await page.GotoAsync("/Inspections");
        await CheckAsync("inspections-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记问题", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记创文问题", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("楼道堆物").CheckAsync();
        await page.GetByLabel("地址或地标").FillAsync("张桥路 99 弄 6 号楼道");
        await page.GetByLabel("问题描述").FillAsync("楼道里堆放旧沙发，挡住了消防通道");
        await page.GetByLabel("整改前照片（可拍照，最多 6 张）").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.jpg",
            MimeType = "image/jpeg",
            Buffer = Photo(),
        });
        await page.GetByLabel("楼组长").CheckAsync();
        await CheckAsync("inspections-report");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已按责任清单派给街道安委会");
        await Assertions.Expect(page.Locator(".steps img")).ToHaveCountAsync(1);
        await CheckAsync("inspections-details");
        var spot = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.Address == "张桥路 99 弄 6 号楼道").SingleAsync());
        Assert.Equal((SpotStatus.Dispatched, ReporterKind.BuildingLeader), (spot.Status, spot.ReporterKind));

        await page.GotoAsync("/Inspections/Rounds");
        await CheckAsync("inspections-rounds");
        Assert.True(findings.Count == 0, string.Join("\n", findings));

        async Task CheckAsync(string name) => findings.AddRange(await Phone.ProblemsAsync(page, name));
    }

    private static byte[] Photo()
    {
        using var image = NetVips.Image.Black(640, 480, bands: 3) + 120;
        return image.JpegsaveBuffer(q: 80);
    }
}
