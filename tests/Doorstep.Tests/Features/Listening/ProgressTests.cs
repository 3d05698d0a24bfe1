using System.Globalization;
using System.Net;
using Doorstep.Features.Listening;
using Doorstep.Features.Members;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Listening;

/// <summary>Where a member stopped is kept on the server, so any phone resumes there.</summary>
[Collection(SharedApp.Name)]
public class ProgressTests(DoorstepApp app)
{
    [Fact]
    public async Task Progress_is_saved_resumed_on_another_phone_and_counted_for_the_area()
    {
        var member = await app.FirstOfAreaAsync("张桥", skip: 35);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var shelf = await zhangqiao.IssueCardAsync(member);
        var first = await app.DemoChapterAsync("中国共产党章程（学习辅导）", 1);
        var second = await app.DemoChapterAsync("中国共产党章程（学习辅导）", 2);

        var phone = app.NewClient();
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, first, 12.5, 10)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, first, 22.5, 10)).StatusCode);
        // An absurd report counts as at most two minutes.
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, first, 24, 100_000)).StatusCode);

        var otherPhone = app.NewClient();
        var player = await (await otherPhone.GetAsync($"{shelf}/chapters/{first}")).Content.ReadAsStringAsync();
        Assert.Contains("data-position=\"24\"", player, StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.ListeningProgress.SingleAsync(p => p.MemberId == member && p.ChapterId == first));
        Assert.Equal(140, row.ListenedSeconds);
        Assert.Null(row.CompletedAt);

        // Finishing the chapter: the shelf then resumes at the next one, and the chapter starts over.
        Assert.Equal(HttpStatusCode.NoContent, (await otherPhone.SaveProgressAsync(shelf, first, 60, 5, completed: true)).StatusCode);
        var shelfPage = await (await phone.GetAsync(shelf)).Content.ReadAsStringAsync();
        Assert.Matches($"chapters/{second}\">[^<]*接着听", shelfPage);
        Assert.Contains("已听完 1 章", shelfPage, StringComparison.Ordinal);
        Assert.Contains("data-position=\"0\"", await (await phone.GetAsync($"{shelf}/chapters/{first}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Heard again, it resumes where the member stopped this time, and stays finished.
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, first, 18, 10)).StatusCode);
        Assert.Contains("data-position=\"18\"", await (await otherPhone.GetAsync($"{shelf}/chapters/{first}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        shelfPage = await (await phone.GetAsync(shelf)).Content.ReadAsStringAsync();
        Assert.Matches($"chapters/{first}\">[^<]*接着听", shelfPage);
        Assert.Contains("已听完 1 章", shelfPage, StringComparison.Ordinal);
        // Heard to the end once more: it starts over again, and still counts once.
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, first, 60, 10, completed: true)).StatusCode);
        Assert.Contains("data-position=\"0\"", await (await otherPhone.GetAsync($"{shelf}/chapters/{first}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已听完 1 章", await (await phone.GetAsync(shelf)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The first save and each completion are audited; the ticks between are not.
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ListeningProgress) && a.EntityId == row.Id.ToString()));
        Assert.Equal(3, audited);

        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Name).FirstAsync());
        Assert.Equal("本月在听", (await ReportRowAsync(zhangqiao, "ThisMonth", name))["情况"]);
        var file = await (await zhangqiao.GetAsync($"/Members/Details/{member}")).Content.ReadAsStringAsync();
        Assert.Contains("听完《中国共产党章程（学习辅导）》第1章", file, StringComparison.Ordinal);
        Assert.Contains("发放随身听卡", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task This_months_listening_counts_only_what_was_heard_this_month_of_a_chapter_begun_before()
    {
        var member = await app.FirstOfAreaAsync("张桥", skip: 37);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var shelf = await zhangqiao.IssueCardAsync(member);
        var chapter = await app.DemoChapterAsync("中国共产党章程（学习辅导）", 2);
        var phone = app.NewClient();
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, chapter, 12.5, 10)).StatusCode);
        // Ten minutes of it were heard last month.
        var lastMonth = ListeningProgress.MonthOf(DateTime.UtcNow.AddDays(-40));
        await app.WithDbAsync(db => db.ListeningProgress.Where(p => p.MemberId == member && p.ChapterId == chapter)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Month, lastMonth).SetProperty(p => p.MonthListenedSeconds, 600).SetProperty(p => p.ListenedSeconds, 600)));
        await app.WithDbAsync(db => db.ListeningSummaries.Where(s => s.MemberId == member)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Month, lastMonth).SetProperty(x => x.MonthListenedSeconds, 600)));

        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, chapter, 130, 120)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, chapter, 190, 60)).StatusCode);

        var row = await app.WithDbAsync(db => db.ListeningProgress.SingleAsync(p => p.MemberId == member && p.ChapterId == chapter));
        Assert.Equal((780, 180), (row.ListenedSeconds, row.MonthListenedSeconds));
        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Name).FirstAsync());
        var reported = await ReportRowAsync(zhangqiao, "ThisMonth", name);
        Assert.Equal(("本月在听", "3 分钟"), (reported["情况"], reported["本月收听"]));
    }

    [Fact]
    public async Task The_members_summary_equals_what_their_progress_rows_say_and_the_migrations_backfill_gives_the_same()
    {
        var member = await app.FirstOfAreaAsync("张桥", skip: 38);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var shelf = await zhangqiao.IssueCardAsync(member);
        var first = await app.DemoChapterAsync("中国共产党简史", 1);
        var second = await app.DemoChapterAsync("中国共产党简史", 2);
        var phone = app.NewClient();
        // Two chapters; the first finished, heard again and finished again; a repeated end; a chapter not on the shelf.
        foreach (var (chapter, position, listened, completed) in new[]
                 {
                     (first, 10.0, 10, false), (first, 50.0, 40, true), (first, 60.0, 0, true), (second, 12.0, 12, false),
                     (first, 8.0, 8, false), (first, 50.0, 42, true), (second, 30.0, 18, false),
                 })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await phone.SaveProgressAsync(shelf, chapter, position, listened, completed)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await phone.SaveProgressAsync(shelf, 999_999, 5, 5)).StatusCode);

        var month = ListeningProgress.MonthOf(DateTime.UtcNow);
        var (summary, seconds, finished) = await app.WithDbAsync(async db => (
            await db.ListeningSummaries.AsNoTracking().SingleAsync(s => s.MemberId == member),
            await db.ListeningProgress.Where(p => p.MemberId == member && p.Month == month).SumAsync(p => p.MonthListenedSeconds),
            await db.ListeningProgress.CountAsync(p => p.MemberId == member && p.CompletedAt != null)));
        Assert.Equal((month, 130, 1), (summary.Month, summary.MonthListenedSeconds, summary.ChaptersCompleted));
        Assert.Equal((seconds, finished), (summary.MonthListenedSeconds, summary.ChaptersCompleted));
        // The summary is kept with the audited progress rows; its own writes are not audited.
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ListeningSummary))));

        var kept = await app.WithDbAsync(db => db.ListeningSummaries.AsNoTracking().OrderBy(s => s.MemberId).ToListAsync());
        var rebuilt = await app.WithDbAsync(async db =>
        {
            await db.ListeningSummaries.IgnoreQueryFilters().ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(Doorstep.Data.Migrations.ListeningSummariesBackfill.Sql);
            return await db.ListeningSummaries.AsNoTracking().OrderBy(s => s.MemberId).ToListAsync();
        });
        Assert.Equal(
            kept.Select(s => (s.MemberId, s.SubDistrictId, s.Month, s.MonthListenedSeconds, s.ChaptersCompleted)),
            rebuilt.Select(s => (s.MemberId, s.SubDistrictId, s.Month, s.MonthListenedSeconds, s.ChaptersCompleted)));
    }

    [Fact]
    public async Task A_member_marked_as_preferring_paper_is_listed_apart_from_those_not_started()
    {
        var member = await app.FirstOfAreaAsync("张桥", skip: 36);
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var saved = await zhangqiao.PostFormAsync($"/Listening/Cards/Member/{member}", new Dictionary<string, string> { ["prefers"] = "Paper" }, $"/Listening/Cards/Member/{member}?handler=Prefer");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Name).FirstAsync());
        Assert.Equal("不用随身听（喜欢纸质材料）", (await ReportRowAsync(zhangqiao, "PrefersOther", name))["情况"]);
    }

    [Fact]
    public async Task The_area_report_is_paged_and_its_pages_together_list_every_member_of_the_area_once()
    {
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var area = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).FirstAsync());
        var expected = await app.WithDbAsync(db => db.Members
            .Where(m => m.OrgUnitAreaId == area && m.PendingImportId == null && m.Status != MemberStatus.Deceased && m.Status != MemberStatus.TransferredOut)
            .Select(m => m.Id).ToListAsync());

        var listed = new List<int>();
        string? next = "/Listening/Report";
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 100, "the report's pages never end");
            var page = await zhangqiao.GetPageAsync(next);
            var rows = page.QuerySelectorAll("input[name=memberIds]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(rows.Count, 1, ListeningReport.PageSize);
            listed.AddRange(rows);
            next = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        }

        Assert.True(expected.Count > ListeningReport.PageSize, "the demo area should fill more than one page");
        Assert.Equal(expected.Order(), listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());

        // Each standing's tab counts its members and lists only them.
        var notStarted = await zhangqiao.GetPageAsync("/Listening/Report?standing=NotStarted");
        var tab = notStarted.QuerySelector("nav.tabs a[aria-current=page]")!.TextContent;
        var cells = notStarted.QuerySelectorAll("tbody tr td:nth-child(3)").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal("还没开始", c));
        Assert.StartsWith("还没开始（", tab, StringComparison.Ordinal);
    }

    /// <summary>A member's row of 随身听收听情况 under one of its tabs: each cell's text by its label.</summary>
    private static async Task<Dictionary<string, string>> ReportRowAsync(HttpClient client, string standing, string name)
    {
        var page = await client.GetPageAsync($"/Listening/Report?standing={standing}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td.who")?.TextContent.Trim() == name);
        return row.QuerySelectorAll("td[data-label]").ToDictionary(td => td.GetAttribute("data-label")!, td => td.TextContent.Trim());
    }
}
