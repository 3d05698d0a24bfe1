using System.Net;
using AngleSharp.Dom;
using Doorstep.Features.Inspections;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Inspections;

[Collection(SharedApp.Name)]
public class SpotFlowTests(DoorstepApp app)
{
    [Fact]
    public async Task A_spot_reported_in_Zhangqiao_is_routed_by_the_matrix_rectified_by_the_department_and_verified_by_the_area()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var hygiene = await app.CategoryAsync("卫生死角");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var handler = await app.SignedInAsync(InspectionSteps.Handler);

        var id = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, hygiene, "张桥路 201 弄垃圾房后", residentPhone: "13912345678", reporter: "ResidentByPhone"));

        var spot = await app.SpotAsync(id);
        var cityManagement = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "城市管理办").Select(d => d.Id).FirstAsync());
        Assert.Equal(SpotStatus.Dispatched, spot.Status);
        Assert.Equal(cityManagement, spot.DepartmentId);
        Assert.Equal(spot.ReportedAt.AddHours(24), spot.DueAt);
        Assert.Equal("5678", spot.ResidentPhoneTail);
        Assert.DoesNotContain("13912345678", spot.ResidentPhoneCipher, StringComparison.Ordinal);
        var shown = await zhangqiao.GetPageAsync($"/Inspections/Details/{id}");
        Assert.Contains("*******5678", shown.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", shown.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var before = shown.QuerySelector(".steps img")!.GetAttribute("src")!;
        var photo = await handler.GetAsync(before);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);

        var mine = await handler.GetPageAsync("/Inspections?tab=Open");
        Assert.Contains(mine.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/Inspections/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await handler.StepAsync(id, "Start")).StatusCode);
        Assert.Contains("请上传至少一张整改后的照片", await InspectionSteps.AlertOf(await handler.FixAsync(id, "已清运", withPhoto: false)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await handler.FixAsync(id, "已清运垃圾并冲洗地面")).StatusCode);
        Assert.Contains("不由您办理", await InspectionSteps.AlertOf(await handler.StepAsync(id, "Verify")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await zhangqiao.StepAsync(id, "Verify")).StatusCode);

        spot = await app.SpotAsync(id);
        Assert.Equal(SpotStatus.Verified, spot.Status);
        Assert.True(spot.FixedInTime);
        var history = (await zhangqiao.GetPageAsync($"/Inspections/Details/{id}")).QuerySelector(".steps")!;
        Assert.Equal(["登记", "派单", "开始整改", "整改完成", "验收销号"], history.QuerySelectorAll("li strong").Select(s => s.TextContent).ToList());
        Assert.Equal(2, history.QuerySelectorAll("img").Length);
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityType == nameof(ProblemSpot) && a.EntityId == id.ToString()));
        Assert.True(audit >= 4);
    }

    [Fact]
    public async Task The_fixer_cannot_verify_their_own_fix_and_a_reopened_spot_goes_back_to_rectification_with_the_reason()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var admin = await app.SignedInAsync("admin");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = InspectionSteps.SpotId(await admin.ReportAsync(zhangqiaoId, await app.CategoryAsync("设施损坏"), "张桥小区 9 号楼门禁"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.FixAsync(id, "街道直接维修")).StatusCode);
        Assert.Contains("整改和验收不能是同一个人", await InspectionSteps.AlertOf(await admin.StepAsync(id, "Verify")), StringComparison.Ordinal);
        Assert.Contains("请填写退回的原因", await InspectionSteps.AlertOf(await zhangqiao.StepAsync(id, "Reopen", "")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await zhangqiao.StepAsync(id, "Reopen", "门禁仍然打不开")).StatusCode);

        var spot = await app.SpotAsync(id);
        Assert.Equal(SpotStatus.InProgress, spot.Status);
        Assert.Equal(1, spot.ReopenCount);
        var page = await zhangqiao.GetPageAsync($"/Inspections/Details/{id}");
        Assert.Contains("门禁仍然打不开", page.QuerySelector(".steps")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("整改中", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spot_past_its_deadline_shows_as_overdue_and_the_escalation_job_raises_it_once_a_day_later()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, await app.CategoryAsync("乱张贴"), "张桥路 300 号电线杆"));
        // A deadline six hours gone: set in the data, since the app runs on the real clock; the job is then
        // run with a clock the test sets (the app's own recurring run, a day short of it, leaves it alone).
        var due = (await app.SpotAsync(id)).ReportedAt.AddHours(-6);
        await app.WithDbAsync(async db =>
        {
            var spot = await db.Set<ProblemSpot>().SingleAsync(s => s.Id == id);
            spot.DueAt = due;
            return await db.SaveChangesAsync();
        });

        var overdue = await zhangqiao.GetPageAsync("/Inspections?tab=Overdue");
        var card = overdue.QuerySelectorAll(".cards a").Single(a => a.GetAttribute("href") == $"/Inspections/Details/{id}");
        Assert.Contains("已超期", card.TextContent, StringComparison.Ordinal);

        Task<int> EscalateAt(DateTime now) => app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await ActivatorUtilities.CreateInstance<SpotEscalationJob>(scope.ServiceProvider, db).EscalateAsync(now);
        });

        await EscalateAt(due.AddHours(23));
        Assert.Null((await app.SpotAsync(id)).EscalatedAt);
        await EscalateAt(due.AddHours(25));
        Assert.Equal(due.AddHours(25), (await app.SpotAsync(id)).EscalatedAt);
        var admin = await app.SignedInAsync("admin");
        var escalated = await admin.GetPageAsync("/Inspections?tab=Escalated");
        Assert.Contains(escalated.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/Inspections/Details/{id}");
        var history = (await admin.GetPageAsync($"/Inspections/Details/{id}")).QuerySelector(".steps")!.TextContent;
        Assert.Contains("超期升级到街道", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_that_is_not_responsible_returns_the_spot_and_the_sub_district_reroutes_it_with_a_reason()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var handler = await app.SignedInAsync(InspectionSteps.Handler);
        var admin = await app.SignedInAsync("admin");
        var id = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, await app.CategoryAsync("卫生死角"), "张桥小区 2 号楼地下室"));

        Assert.Equal(HttpStatusCode.Redirect, (await handler.StepAsync(id, "Decline", "地下室属于人防工程，应由民防办负责")).StatusCode);
        Assert.Equal(SpotStatus.NotOurs, (await app.SpotAsync(id)).Status);

        var civilDefence = await app.WithDbAsync(db => db.Departments.Where(d => d.Name == "民防办").Select(d => d.Id).FirstAsync());
        var page = await admin.GetPageAsync($"/Inspections/Details/{id}");
        var version = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Version]")!.Value;
        var rerouted = await admin.PostFormAsync($"/Inspections/Details/{id}", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["RerouteDepartmentId"] = civilDefence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReroutePerson"] = "孙伟",
            ["RerouteHours"] = "72",
            ["Note"] = "人防工程，改派民防办",
        }, $"/Inspections/Details/{id}?handler=Reroute");
        Assert.Equal(HttpStatusCode.Redirect, rerouted.StatusCode);

        var spot = await app.SpotAsync(id);
        Assert.Equal((SpotStatus.Dispatched, civilDefence, "孙伟"), (spot.Status, spot.DepartmentId!.Value, spot.ResponsiblePerson));
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/Inspections/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_same_category_at_the_same_place_is_suggested_and_me_too_raises_its_priority()
    {
        var zhangqiaoId = await app.AreaAsync("张桥");
        var category = await app.CategoryAsync("非机动车乱停");
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var id = InspectionSteps.SpotId(await zhangqiao.ReportAsync(zhangqiaoId, category, "张桥菜场南门人行道"));

        var nearby = await zhangqiao.GetPageAsync($"/Inspections/Report?handler=Nearby&areaId={zhangqiaoId}&categoryId={category}&address={Uri.EscapeDataString("张桥菜场南门")}");
        var button = nearby.QuerySelectorAll("button").Single(b => b.GetAttribute("formaction") == $"/Inspections/Details/{id}?handler=MeToo");
        Assert.Equal("我也反映", button.TextContent);
        var elsewhere = await zhangqiao.GetPageAsync($"/Inspections/Report?handler=Nearby&areaId={zhangqiaoId}&categoryId={category}&address={Uri.EscapeDataString("天水路口")}");
        Assert.Empty(elsewhere.QuerySelectorAll("button"));

        Assert.Equal(HttpStatusCode.Redirect, (await zhangqiao.PostFormAsync($"/Inspections/Details/{id}", [], $"/Inspections/Details/{id}?handler=MeToo")).StatusCode);
        Assert.Equal(1, (await app.SpotAsync(id)).Priority);
    }

    [Fact]
    public async Task A_walk_marks_points_clean_and_a_round_not_walked_shows_as_skipped()
    {
        var ruixin = await app.SignedInAsync("ruixin");
        var ruixinId = await app.AreaAsync("瑞鑫");

        var rounds = await ruixin.GetPageAsync("/Inspections/Rounds");
        Assert.Contains("每周四巡查 3 个点位", rounds.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(rounds.QuerySelectorAll(".cards li"), li => li.TextContent.Contains("未巡查", StringComparison.Ordinal));

        var point = await app.WithDbAsync(db => db.Set<InspectionPoint>().Where(p => p.AreaId == ruixinId).OrderBy(p => p.Order).Select(p => p.Id).FirstAsync());
        var date = "2026-11-26";
        var marked = await ruixin.PostFormAsync($"/Inspections/Walk?areaId={ruixinId}&date={date}", [], $"/Inspections/Walk?areaId={ruixinId}&date={date}&pointId={point}&handler=Clean");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var walk = await ruixin.GetPageAsync($"/Inspections/Walk?areaId={ruixinId}&date={date}");
        Assert.Contains("整洁", walk.QuerySelector($"#point-{point}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已巡查 1 / 3", walk.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_count_by_area_category_and_department_and_the_ledger_exports_as_xlsx()
    {
        var admin = await app.SignedInAsync("admin");

        var figures = await admin.GetPageAsync("/Inspections/Figures");
        var byDepartment = figures.QuerySelectorAll("table.grid")[2];
        Assert.Contains(byDepartment.QuerySelectorAll("th[scope=row]"), th => th.TextContent == "城市管理办");
        var export = await admin.GetAsync(figures.QuerySelectorAll("a").First(a => a.TextContent.Contains("导出本月台账", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var ledger = await admin.GetPageAsync("/Inspections/Ledger");
        Assert.NotEmpty(ledger.QuerySelectorAll("table.ledger tbody tr"));
    }
}
