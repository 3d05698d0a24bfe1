using System.Net;
using Doorstep.Features.Inspections;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>Who sees which spots: a department handler its department's, a cadre their area's, the sub-district all.</summary>
[Collection(SharedApp.Name)]
public class SpotScopeTests(DoorstepApp app)
{
    [Fact]
    public async Task A_department_handler_sees_only_the_spots_routed_to_their_department_and_a_cadre_only_their_area()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var handler = await app.SignedInAsync(InspectionSteps.Handler);
        var admin = await app.SignedInAsync("admin");
        // 卫生死角 goes to 城市管理办 (the handler's), 楼道堆物 to 街道安委会.
        var ours = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "张桥路 50 弄花坛"));
        var theirs = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, await app.CategoryAsync("楼道堆物"), "张桥路 50 弄 3 号楼道"));

        Assert.Equal(HttpStatusCode.OK, (await handler.GetAsync($"/Inspections/Details/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/Inspections/Details/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/Inspections/Details/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Inspections/Details/{theirs}")).StatusCode);

        var cityManagement = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "城市管理办").Select(d => d.Id).FirstAsync());
        var handlerList = await ListedAsync(handler);
        var expected = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.DepartmentId == cityManagement).Select(s => s.Id).ToListAsync());
        Assert.Equal(expected.Order(), handlerList.Order());
        var ruixinList = await ListedAsync(ruixin);
        var ruixinId = await app.AreaAsync("瑞鑫");
        var ruixinSpots = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.AreaId == ruixinId).Select(s => s.Id).ToListAsync());
        Assert.NotEmpty(ruixinList);
        Assert.Equal(ruixinSpots.Order(), ruixinList.Order());

        // A cadre cannot register a spot in another area, even by posting its id.
        var refused = await ruixin.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "张桥路 51 弄");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择您负责的居民区", (await refused.ReadHtmlAsync()).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_served_only_with_its_spot_and_only_within_scope()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var ruixin = await app.SignedInAsync("ruixin");
        var id = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, await app.CategoryAsync("乱张贴"), "张桥路 60 号墙面"));
        var src = (await zhangqiao.GetPageAsync($"/Inspections/Details/{id}")).QuerySelector(".steps img")!.GetAttribute("src")!;

        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync(src)).StatusCode);
        var ruixinSpot = await app.WithDbAsync(db => db.Set<ProblemSpot>().Where(s => s.AreaId != zhangqiaoId).Select(s => s.Id).FirstAsync());
        var file = src[(src.IndexOf("file=", StringComparison.Ordinal) + 5)..];
        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/Inspections/Details/{ruixinSpot}?handler=Photo&file={file}")).StatusCode);
    }

    /// <summary>Every spot id on every page of the “全部” list.</summary>
    private static async Task<List<int>> ListedAsync(HttpClient client)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var doc = await client.GetPageAsync($"/Inspections?tab=All&page={page}");
            var cards = doc.QuerySelectorAll(".cards a.card-link").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            // Past the last page the pager shows the last page again.
            if (cards.Count == 0 || ids.Contains(cards[0]))
            {
                return ids;
            }

            ids.AddRange(cards);
        }
    }
}
