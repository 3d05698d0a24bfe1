using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.TemporaryBranches;

[Collection(SharedApp.Name)]
public class CreateTests(DoorstepApp app)
{
    [Fact]
    public async Task An_admin_forms_a_branch_at_a_place_and_adds_members_living_there_from_two_areas_who_keep_their_home_branch()
    {
        var place = TemporaryBranchJourney.NewPlace();
        var secretary = await app.FirstOfAreaAsync("张桥", skip: 40);
        var fromRuixin = await app.FirstOfAreaAsync("瑞鑫", skip: 40);
        var fromTianshui = await app.FirstOfAreaAsync("天水", skip: 40);
        await app.MoveToAsync(place, secretary, fromRuixin, fromTianshui);
        var homesBefore = await app.WithDbAsync(db => db.Members.Where(m => m.Id == fromRuixin || m.Id == fromTianshui).ToDictionaryAsync(m => m.Id, m => m.OrgUnitId));
        var account = await app.NewSecretaryAccountAsync();
        var admin = await app.SignedInAsync("admin");

        var branchId = await TemporaryBranchJourney.FormBranchAsync(admin, place, secretary, account);
        var details = await admin.GetPageAsync($"/TemporaryBranches/Details/{branchId}");
        var suggested = details.QuerySelectorAll<IHtmlInputElement>("input[name=memberIds]").Select(i => int.Parse(i.Value)).ToHashSet();
        var added = await TemporaryBranchJourney.AddAsync(admin, branchId, fromRuixin, fromTianshui);

        Assert.Equal(new[] { fromRuixin, fromTianshui }.Order(), suggested.Order());
        Assert.Equal($"/TemporaryBranches/Details/{branchId}?added=2", added.Headers.Location?.OriginalString);
        var members = await app.WithDbAsync(db => db.TemporaryBranchMemberships.Where(t => t.OrgUnitId == branchId).Select(t => t.MemberId).ToListAsync());
        Assert.Equal(new[] { secretary, fromRuixin, fromTianshui }.Order(), members.Order());
        var homesAfter = await app.WithDbAsync(db => db.Members.Where(m => m.Id == fromRuixin || m.Id == fromTianshui).ToDictionaryAsync(m => m.Id, m => m.OrgUnitId));
        Assert.Equal(homesBefore, homesAfter);
        var areas = await app.WithDbAsync(db => db.Members.Where(m => members.Contains(m.Id)).Select(m => m.OrgUnit.ResidentialArea!.Name).Distinct().CountAsync());
        Assert.Equal(3, areas);

        var asSecretary = await app.SignedInAsync(account);
        var seen = await asSecretary.GetFromJsonAsync<ListResponse>("/api/v1/members");
        Assert.Equal(3, seen!.Total);
        Assert.Equal(members.Order(), seen.Items.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task The_secretary_is_found_with_the_member_search_and_becomes_the_first_member()
    {
        var secretary = await app.FirstOfAreaAsync("岳州", skip: 40);
        var idNumber = await app.WithDbAsync(async db => app.Services.GetRequiredService<PersonalDataProtector>()
            .Decrypt(await db.Members.Where(m => m.Id == secretary).Select(m => m.IdNumberCipher).SingleAsync()));
        var admin = await app.SignedInAsync("admin");

        var found = await admin.GetPageAsync($"/TemporaryBranches/Create?find={idNumber}");
        var choose = found.QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent == "选为书记");
        var branchId = await TemporaryBranchJourney.FormBranchAsync(admin, TemporaryBranchJourney.NewPlace(), secretary);
        var list = await admin.GetPageAsync("/TemporaryBranches");
        var details = await admin.GetPageAsync($"/TemporaryBranches/Details/{branchId}");

        Assert.EndsWith($"secretaryId={secretary}", choose.GetAttribute("href"));
        var name = await app.WithDbAsync(db => db.Members.Where(m => m.Id == secretary).Select(m => m.Name).SingleAsync());
        Assert.Contains(list.QuerySelectorAll(".card-link"), c => c.TextContent.Contains($"书记：{name}") && c.TextContent.Contains("党员 1 人"));
        Assert.Equal("书记", details.QuerySelector(".branch-members .tag")?.TextContent);
        Assert.DoesNotContain(details.QuerySelectorAll(".branch-members a"), a => a.TextContent == "移出");
    }

    [Fact]
    public async Task A_branch_needs_a_name_a_place_of_two_characters_and_a_name_not_yet_taken()
    {
        var secretary = await app.FirstOfAreaAsync("梧州", skip: 40);
        var admin = await app.SignedInAsync("admin");
        var before = await app.WithDbAsync(db => db.OrgUnits.CountAsync());

        var empty = await (await admin.PostFormAsync($"/TemporaryBranches/Create?secretaryId={secretary}", new Dictionary<string, string>
        {
            ["Input.SecretaryMemberId"] = secretary.ToString(),
            ["Input.Name"] = " ",
            ["Input.Place"] = "湾",
        }, formAction: "/TemporaryBranches/Create")).ReadHtmlAsync();
        var taken = await (await admin.PostFormAsync($"/TemporaryBranches/Create?secretaryId={secretary}", new Dictionary<string, string>
        {
            ["Input.SecretaryMemberId"] = secretary.ToString(),
            ["Input.Name"] = "彩虹之嘉临时党支部",
            ["Input.Place"] = "彩虹湾",
        }, formAction: "/TemporaryBranches/Create")).ReadHtmlAsync();

        Assert.Equal("请填写名称，如“彩虹之嘉临时党支部”。", empty.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal("地点须为2至100个字，如“彩虹湾”。", empty.QuerySelector("[data-valmsg-for='Input.Place']")?.TextContent);
        Assert.Equal("已有同名的临时党支部，请换一个名称。", taken.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.OrgUnits.CountAsync()));
    }

    [Fact]
    public async Task Removing_a_member_asks_first_and_leaves_the_home_branch_and_the_secretary_stays()
    {
        var place = TemporaryBranchJourney.NewPlace();
        var secretary = await app.FirstOfAreaAsync("庆阳", skip: 40);
        var member = await app.FirstOfAreaAsync("瑞康", skip: 40);
        var home = await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.OrgUnitId).SingleAsync());
        var admin = await app.SignedInAsync("admin");
        var branchId = await TemporaryBranchJourney.FormBranchAsync(admin, place, secretary);
        await TemporaryBranchJourney.AddAsync(admin, branchId, member);

        var confirm = await admin.GetPageAsync($"/TemporaryBranches/Remove/{branchId}/{member}");
        var removed = await admin.PostFormAsync($"/TemporaryBranches/Remove/{branchId}/{member}", []);
        var secretaryPage = await admin.GetPageAsync($"/TemporaryBranches/Remove/{branchId}/{secretary}");

        Assert.Contains("确定将", confirm.QuerySelector("main")!.TextContent);
        Assert.Equal($"/TemporaryBranches/Details/{branchId}?removed=true", removed.Headers.Location?.OriginalString, ignoreCase: true);
        Assert.False(await app.WithDbAsync(db => db.TemporaryBranchMemberships.AnyAsync(t => t.OrgUnitId == branchId && t.MemberId == member)));
        Assert.Equal(home, await app.WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.OrgUnitId).SingleAsync()));
        Assert.Contains("不能移出", secretaryPage.QuerySelector(".error-summary")!.TextContent);
        Assert.Empty(secretaryPage.QuerySelectorAll("main form"));
        Assert.True(await app.WithDbAsync(db => db.TemporaryBranchMemberships.AnyAsync(t => t.OrgUnitId == branchId && t.MemberId == secretary)));
    }

    [Fact]
    public async Task Adding_a_member_twice_or_one_from_nowhere_adds_nothing()
    {
        var secretary = await app.FirstOfAreaAsync("天虹", skip: 40);
        var member = await app.FirstOfAreaAsync("大连", skip: 40);
        var admin = await app.SignedInAsync("admin");
        var branchId = await TemporaryBranchJourney.FormBranchAsync(admin, TemporaryBranchJourney.NewPlace(), secretary);

        var first = await TemporaryBranchJourney.AddAsync(admin, branchId, member, member);
        var again = await TemporaryBranchJourney.AddAsync(admin, branchId, member, secretary, 999_999);

        Assert.EndsWith("added=1", first.Headers.Location?.OriginalString);
        Assert.EndsWith("added=0", again.Headers.Location?.OriginalString);
        Assert.Equal(2, await app.WithDbAsync(db => db.TemporaryBranchMemberships.CountAsync(t => t.OrgUnitId == branchId)));
    }

    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id, string Name);
}
