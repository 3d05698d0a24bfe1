using System.Globalization;
using System.Net;
using Doorstep.Features.Activities;
using Doorstep.Features.Activities.Volunteers;
using Doorstep.Features.Inspections;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>A volunteer (ADR 0025) registers spots in the area the roster gives them, follows their own reports, and reaches nothing else.</summary>
[Collection(SharedApp.Name)]
public class VolunteerReportTests(DoorstepApp app)
{
    [Fact]
    public async Task A_volunteer_registers_a_spot_in_their_own_area_routed_by_the_matrix_and_sees_only_their_own_reports()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var ruixinId = await app.AreaAsync("瑞鑫");
        var volunteer = await app.SignedInAsync(ActivitiesDemo.VolunteerUserName);
        var cadre = await app.SignedInAsync("zhangqiao");
        var record = await app.WithDbAsync(db => db.Set<Volunteer>().Where(v => v.AccountId != null && v.AreaId == zhangqiaoId).Select(v => new { v.Id, v.Name }).FirstAsync());

        var nav = (await volunteer.GetPageAsync("/")).QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Contains("我发现的问题", nav);
        Assert.DoesNotContain("创文排查", nav);

        // The form offers their area only, and asks no reporter: they report as themselves.
        var form = await volunteer.GetPageAsync("/Inspections/Report");
        Assert.Equal([zhangqiaoId.ToString(CultureInfo.InvariantCulture)], form.QuerySelectorAll("select[name='Input.AreaId'] option").Select(o => o.GetAttribute("value")));
        Assert.Null(form.QuerySelector("input[name='Input.ReporterName']"));

        var response = await volunteer.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "张桥路 70 弄花坛", "花坛里有很多烟头和塑料袋", reporter: "Staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Inspections/Mine", location, StringComparison.Ordinal);
        var id = int.Parse(location[(location.IndexOf("registered=", StringComparison.Ordinal) + 11)..], CultureInfo.InvariantCulture);
        var spot = await app.SpotAsync(id);
        Assert.Equal((ReporterKind.Volunteer, record.Name, record.Id, SpotStatus.Dispatched), (spot.ReporterKind, spot.ReporterName, spot.ReporterVolunteerId, spot.Status));
        var photos = await app.WithDbAsync(db => db.Set<SpotUpdate>().Where(u => u.ProblemSpotId == id && u.Step == SpotStep.Registered)
            .Select(u => db.StoredFiles.Count(f => f.Owner == "SpotUpdate:" + u.Id)).SingleAsync());
        Assert.Equal(1, photos);

        // Someone else's report in the same area is not theirs to see.
        var other = InspectionSteps.SpotId(await cadre.ReportAsync(zhangqiaoId, await app.CategoryAsync("乱张贴"), "张桥路 71 号墙面"));
        var mine = await volunteer.GetPageAsync(location);
        Assert.Contains("已登记", mine.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector($"#spot-{id}"));
        Assert.Contains("派单", mine.QuerySelector($"#spot-{id} .progress")!.TextContent, StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector($"#spot-{other}"));
        var own = await app.WithDbAsync(db => db.Set<ProblemSpot>().CountAsync(s => s.ReporterVolunteerId == record.Id));
        Assert.Equal(Math.Min(own, SpotLists.PageSize), mine.QuerySelectorAll(".cards > li").Length);

        // Another area, even by posting its id, is refused at the field.
        var refused = await volunteer.ReportAsync(ruixinId, await app.CategoryAsync("卫生死角"), "瑞鑫路 1 号");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择您负责的居民区", (await refused.ReadHtmlAsync()).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);

        // Nothing else of 创文: not the lists, a spot's page (even their own), the matrix, the categories or Open311.
        foreach (var path in new[] { "/Inspections", $"/Inspections/Details/{id}", "/Inspections/Matrix", "/Inspections/Categories", "/Inspections/Rounds" })
        {
            var denied = await volunteer.GetAsync(path);
            Assert.True(denied.StatusCode == HttpStatusCode.Redirect && denied.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal), $"{path}: {denied.StatusCode}");
        }

        var requests = await volunteer.GetAsync("/api/v1/open311/requests.json");
        Assert.NotEqual(HttpStatusCode.OK, requests.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/Inspections/Mine")).StatusCode);
        Assert.Contains("AccessDenied", (await cadre.GetAsync("/Inspections/Mine")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_is_shown_an_open_spot_of_the_same_category_nearby_and_their_me_too_raises_it_without_opening_it_to_them()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var ruixinId = await app.AreaAsync("瑞鑫");
        var category = await app.CategoryAsync("楼道堆物");
        var volunteer = await app.SignedInAsync(ActivitiesDemo.VolunteerUserName);
        var cadre = await app.SignedInAsync("zhangqiao");
        var id = InspectionSteps.SpotId(await cadre.ReportAsync(zhangqiaoId, category, "张桥路 90 弄 3 号楼道"));
        var ruixin = InspectionSteps.SpotId(await (await app.SignedInAsync("ruixin")).ReportAsync(ruixinId, category, "张桥路 90 弄 3 号楼道"));

        var nearby = await volunteer.GetPageAsync($"/Inspections/Report?handler=Nearby&areaId={zhangqiaoId}&categoryId={category}&address={Uri.EscapeDataString("90 弄 3 号")}");
        var button = nearby.QuerySelectorAll("button").Single();
        Assert.Equal($"/Inspections/Report?id={id}&handler=MeToo", button.GetAttribute("formaction"));
        Assert.Contains("楼道", nearby.QuerySelector("li")!.TextContent, StringComparison.Ordinal);
        // Not an area the roster gives them, even by asking for it.
        var other = await volunteer.GetPageAsync($"/Inspections/Report?handler=Nearby&areaId={ruixinId}&categoryId={category}&address={Uri.EscapeDataString("90 弄 3 号")}");
        Assert.Empty(other.QuerySelectorAll("button"));

        var said = await volunteer.PostFormAsync("/Inspections/Report", [], $"/Inspections/Report?id={id}&handler=MeToo");
        Assert.Equal(HttpStatusCode.Redirect, said.StatusCode);
        Assert.Contains("已记下您的反映", (await volunteer.GetPageAsync(said.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var step = await app.WithDbAsync(db => db.Set<SpotUpdate>().Where(u => u.ProblemSpotId == id && u.Step == SpotStep.MeToo).Select(u => u.By).SingleAsync());
        Assert.Equal((1, ActivitiesDemo.VolunteerUserName), ((await app.SpotAsync(id)).Priority, step));

        // The spot stays someone else's: not on their list, not open to them; another area's is refused.
        Assert.Null((await volunteer.GetPageAsync("/Inspections/Mine")).QuerySelector($"#spot-{id}"));
        Assert.Contains("AccessDenied", (await volunteer.GetAsync($"/Inspections/Details/{id}")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var refused = await volunteer.PostFormAsync("/Inspections/Report", [], $"/Inspections/Report?id={ruixin}&handler=MeToo");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("没有找到这个问题", (await refused.ReadHtmlAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, (await app.SpotAsync(ruixin)).Priority);
    }

    [Fact]
    public async Task A_reporter_picks_one_of_the_areas_points_which_names_the_place_and_a_spot_found_on_a_walk_keeps_its_point()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var ruixinId = await app.AreaAsync("瑞鑫");
        var cadre = await app.SignedInAsync("zhangqiao");
        var first = await app.WithDbAsync(db => db.Set<InspectionPoint>().Where(p => p.AreaId == zhangqiaoId && !p.Retired)
            .OrderBy(p => p.Order).Select(p => new { p.Id, p.Name }).FirstAsync());
        var (point, pointName) = (first.Id, first.Name);
        var elsewhere = await app.WithDbAsync(db => db.Set<InspectionPoint>().Where(x => x.AreaId == ruixinId).Select(x => x.Id).FirstAsync());

        var form = await cadre.GetPageAsync("/Inspections/Report");
        Assert.Contains(form.QuerySelectorAll("select[name='Input.InspectionPointId'] option"), o => o.GetAttribute("value") == point.ToString(CultureInfo.InvariantCulture));

        // Picked with no address typed: the point's name is the place.
        var picked = await app.SpotAsync(InspectionSteps.SpotId(await cadre.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "", pointId: point)));
        Assert.Equal((point, pointName), (picked.InspectionPointId, picked.Address));

        var wrong = await cadre.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "张桥路 1 号", pointId: elsewhere);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains((await wrong.ReadHtmlAsync()).QuerySelectorAll(".field-error"), e => e.TextContent.Contains("这个点位不在所选的居民区", StringComparison.Ordinal));

        // From a round's walk the form arrives with the point chosen, and the saved spot keeps it and marks the walk.
        const string date = "2026-11-19";
        var fromWalk = await cadre.GetPageAsync($"/Inspections/Report?pointId={point}&walkDate={date}");
        Assert.Equal(point.ToString(CultureInfo.InvariantCulture), fromWalk.QuerySelector("select[name='Input.InspectionPointId'] option[selected]")?.GetAttribute("value"));
        var walked = InspectionSteps.SpotId(await cadre.ReportAsync(zhangqiaoId, await app.CategoryAsync("楼道堆物"), pointName, pointId: point, walkDate: date));
        Assert.Equal(point, (await app.SpotAsync(walked)).InspectionPointId);
        var check = await app.WithDbAsync(db => db.Set<PointCheck>().Where(c => c.ProblemSpotId == walked).Select(c => new { c.InspectionPointId, c.Clean }).SingleAsync());
        Assert.Equal((point, false), (check.InspectionPointId, check.Clean));
    }
}
