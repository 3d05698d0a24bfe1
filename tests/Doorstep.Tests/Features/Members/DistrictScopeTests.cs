using System.Net;
using System.Net.Http.Json;
using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Members;

/// <summary>
/// 区委组织部 oversees every sub-district of 虹口区, read only. On a database of its own: it adds
/// 广中路街道 beside 嘉兴路 in 虹口区, and two sub-districts the district must not see.
/// </summary>
public class DistrictScopeTests(DoorstepApp app) : IClassFixture<DoorstepApp>
{
    private sealed record Place(int SubDistrictId, int UnitId);

    private sealed record ListResponse(int Total, List<Row> Items);

    private sealed record Row(int Id, string Name);

    private static readonly SemaphoreSlim Arranging = new(1, 1);

    /// <summary>Sub-districts and members of their own, made once for the class by whichever test asks first.</summary>
    private async Task<(int Guangzhong, int Jingan, int OtherCity)> ArrangeAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (await app.WithDbAsync(db => db.Members.Where(m => m.Name == "郁广成").Select(m => (int?)m.Id).SingleOrDefaultAsync()) is { } arranged)
            {
                return (arranged, await IdOfAsync("郁静安"), await IdOfAsync("郁外市"));
            }

            var guangzhong = await NewSubDistrictAsync("广中路街道", "虹口区", "上海市");
            var jingan = await NewSubDistrictAsync("石门二路街道", "静安区", "上海市");
            var otherCity = await NewSubDistrictAsync("外市街道", "虹口区", "外市");
            var jiaxing = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch && u.ResidentialArea!.Name == "张桥")
                .Select(u => new Place(u.SubDistrictId, u.Id)).FirstAsync());
            await NewMemberAsync(jiaxing, "郁嘉兴", 1);
            return (await NewMemberAsync(guangzhong, "郁广成", 2), await NewMemberAsync(jingan, "郁静安", 3), await NewMemberAsync(otherCity, "郁外市", 4));
        }
        finally
        {
            Arranging.Release();
        }
    }

    private Task<int> IdOfAsync(string name) => app.WithDbAsync(db => db.Members.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    private Task<Place> NewSubDistrictAsync(string name, string district, string city) => app.WithDbAsync(async db =>
    {
        var subDistrict = new SubDistrict { Name = name, District = district, City = city };
        db.SubDistricts.Add(subDistrict);
        await db.SaveChangesAsync();
        var area = new ResidentialArea { SubDistrictId = subDistrict.Id, Name = name[..2] + "一村" };
        db.ResidentialAreas.Add(area);
        await db.SaveChangesAsync();
        var branch = new OrgUnit { SubDistrictId = subDistrict.Id, Kind = OrgUnitKind.Branch, Name = area.Name + "第一党支部", ResidentialAreaId = area.Id };
        db.OrgUnits.Add(branch);
        await db.SaveChangesAsync();
        return new Place(subDistrict.Id, branch.Id);
    });

    private Task<int> NewMemberAsync(Place place, string name, int n) => app.WithDbAsync(async db =>
    {
        var member = new Member { Name = name, SubDistrictId = place.SubDistrictId, OrgUnitId = place.UnitId, BirthDate = new DateOnly(1940 + n, 5, 13) };
        member.SetIdNumber(IdNumbers.New(member.BirthDate), app.Services.GetRequiredService<PersonalDataProtector>());
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    /// <summary>Members of the sub-districts of 虹口区, 上海市, counted past every scope.</summary>
    private Task<int> MembersOfHongkouAsync() => app.WithDbAsync(db =>
        db.Members.CountAsync(m => db.SubDistricts.Any(s => s.Id == m.SubDistrictId && s.District == "虹口区" && s.City == "上海市")));

    [Fact]
    public async Task The_district_user_sees_the_members_of_every_sub_district_of_their_district_and_of_no_other()
    {
        var (guangzhong, jingan, otherCity) = await ArrangeAsync();
        var expected = await MembersOfHongkouAsync();
        var jiaxingOnly = await app.WithDbAsync(db => db.Members.CountAsync(m => db.SubDistricts.Any(s => s.Id == m.SubDistrictId && s.Name == "嘉兴路街道")));
        var quwei = await app.SignedInAsync("quwei");

        var api = await quwei.GetFromJsonAsync<ListResponse>("/api/v1/members");
        var list = await quwei.GetPageAsync("/Members");

        Assert.Equal(jiaxingOnly + 1, expected);
        Assert.Equal(expected, api!.Total);
        Assert.Contains($"共 {expected} 人", list.QuerySelector(".count")!.TextContent);
        // Each card names its file's sub-district before its branch.
        Assert.All(list.QuerySelectorAll("ul.cards > li"), card => Assert.Matches("(嘉兴路街道|广中路街道) ", card.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await quwei.GetAsync($"/Members/Details/{guangzhong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quwei.GetAsync($"/Members/Details/{jingan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await quwei.GetAsync($"/api/v1/members/{otherCity}")).StatusCode);
    }

    [Fact]
    public async Task A_search_by_the_district_user_finds_members_in_two_sub_districts_of_the_district()
    {
        await ArrangeAsync();
        var quwei = await app.SignedInAsync("quwei");
        var admin = await app.SignedInAsync("admin");

        var found = await quwei.GetFromJsonAsync<ListResponse>("/api/v1/members?q=郁");
        var adminFound = await admin.GetFromJsonAsync<ListResponse>("/api/v1/members?q=郁");

        Assert.Contains(found!.Items, m => m.Name == "郁嘉兴");
        Assert.Contains(found.Items, m => m.Name == "郁广成");
        Assert.DoesNotContain(found.Items, m => m.Name is "郁静安" or "郁外市");
        Assert.DoesNotContain(adminFound!.Items, m => m.Name == "郁广成");
        // Listed by sub-district first (嘉兴路 was there before 广中路), then by name: yu guang cheng would come first by name alone.
        Assert.True(found.Items.FindIndex(m => m.Name == "郁嘉兴") < found.Items.FindIndex(m => m.Name == "郁广成"));
    }

    [Fact]
    public async Task A_name_search_counts_its_matches_up_to_the_limit_and_then_says_only_that_there_are_more()
    {
        await ArrangeAsync();
        var hongkou = await app.WithDbAsync(db => db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync());
        using var acting = CurrentUserAccessor.ActAs(new CurrentUser("count-test", "区委组织部", new DataScope(ScopeKind.District, hongkou)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        var matches = new MemberFilter { Q = "郁" }.Matches(db, new DateOnly(2026, 11, 30), scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());

        var all = await matches.CountAsync();

        Assert.True(matches.FromNameIndex);
        Assert.InRange(all, 2, MemberQueries.CountLimit);
        Assert.Equal(2, await matches.CountAsync(limit: 1));
        Assert.Equal(all, await matches.CountAsync(limit: all));
    }

    [Fact]
    public async Task A_name_index_entry_that_claims_a_file_of_another_district_shows_no_one_that_file()
    {
        var (_, jingan, _) = await ArrangeAsync();
        var home = await app.WithDbAsync(db => db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync());
        // A wrong entry, as a bug or a hand edit could leave one: 郁静安's file, filed under 嘉兴路 in the index.
        await app.WithDbAsync(async db =>
        {
            await db.MemberNameGrams.IgnoreQueryFilters().Where(g => g.MemberId == jingan && g.Gram == "郁")
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.SubDistrictId, home));
            return 0;
        });
        var quwei = await app.SignedInAsync("quwei");
        var admin = await app.SignedInAsync("admin");

        var districtFound = await quwei.GetFromJsonAsync<ListResponse>("/api/v1/members?q=郁");
        var adminFound = await admin.GetFromJsonAsync<ListResponse>("/api/v1/members?q=郁");
        var adminPage = await admin.GetPageAsync("/Members?q=郁");

        Assert.DoesNotContain(districtFound!.Items, m => m.Id == jingan);
        Assert.DoesNotContain(adminFound!.Items, m => m.Id == jingan);
        Assert.DoesNotContain(adminPage.QuerySelectorAll(".cards .name"), n => n.TextContent == "郁静安");
        Assert.Contains(adminFound.Items, m => m.Name == "郁嘉兴");
    }

    [Fact]
    public async Task The_district_user_can_change_nothing_by_page_or_API_and_nothing_is_written()
    {
        var (guangzhong, _, _) = await ArrangeAsync();
        var jiaxing = await app.FirstOfAreaAsync("张桥", skip: 2);
        var quwei = await app.SignedInAsync("quwei");
        var admin = await app.SignedInAsync("admin");
        var form = Forms.FieldsOf(await admin.GetPageAsync($"/Members/Edit/{jiaxing}")).With("Input.Notes", "区里改的");
        // The antiforgery token of the sign-out form: the district user has no edit form to take one from.
        var token = (await quwei.GetPageAsync("/")).QuerySelector("header input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.Add(new("__RequestVerificationToken", token));

        var editPage = await quwei.GetAsync($"/Members/Edit/{jiaxing}");
        var posted = await quwei.PostAsync($"/Members/Edit/{jiaxing}", new FormUrlEncodedContent(form));
        var put = await quwei.PutAsJsonAsync($"/api/v1/members/{guangzhong}", new { name = "区里改的" });
        var created = await quwei.PostAsJsonAsync("/api/v1/members", new { name = "区里建的" });
        var denied = await quwei.GetAsync(posted.Headers.Location!.OriginalString);

        Assert.StartsWith("/Accounts/AccessDenied", editPage.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Accounts/AccessDenied", posted.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("您的账户无权查看此内容", (await denied.ReadHtmlAsync()).QuerySelector("main")!.TextContent);
        Assert.NotEqual("区里改的", await app.WithDbAsync(db => db.Members.Where(m => m.Id == jiaxing).Select(m => m.Notes).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "区里建的" || m.Name == "区里改的")));
    }

    [Fact]
    public async Task The_guard_refuses_every_write_in_the_district_scope_even_where_no_page_stops_it()
    {
        var (guangzhong, _, _) = await ArrangeAsync();
        var home = await app.WithDbAsync(db => db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync());
        var district = new CurrentUser("district-guard", "区委组织部（守卫测试）", new DataScope(ScopeKind.District, home));
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var refusals = new List<Exception?>();
        foreach (var change in new Func<DoorstepDb, Task>[]
        {
            async db => (await db.Members.SingleAsync(m => m.Id == guangzhong)).Notes = "区里改的",
            async db =>
            {
                var member = await db.Members.Include(m => m.OrgUnit).SingleAsync(m => m.Id == guangzhong);
                db.Transfers.Add(Transfer.Outward(member, member.OrgUnit, null, new TransferParticulars("外省某党委", "1", null, null),
                    TransferActor.From(db.CurrentUser), DateTime.UtcNow));
            },
            async db => (await db.OrgUnits.FirstAsync()).Name = "区里改名",
        })
        {
            await using var scope = app.Services.CreateAsyncScope();
            using var acting = CurrentUserAccessor.ActAs(district);
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            await change(db);
            refusals.Add(await Record.ExceptionAsync(() => db.SaveChangesAsync()));
        }

        Assert.All(refusals, e => Assert.IsType<ScopeViolationException>(e));
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Name == "区里改名")));
        Assert.False(await app.WithDbAsync(db => db.Transfers.AnyAsync(t => t.MemberId == guangzhong)));
    }

    [Fact]
    public async Task A_sub_district_admin_cannot_create_a_district_account_which_would_read_other_sub_districts()
    {
        await ArrangeAsync();
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetPageAsync("/Accounts/Users/Create");
        var form = Forms.FieldsOf(page)
            .With("Input.UserName", "reach.beyond").With("Input.DisplayName", "越权账户")
            .With("Input.Role", Roles.DistrictOrganizationDepartment).With("Input.Password", "District-test-2026");

        var response = await admin.PostFormAsync("/Accounts/Users/Create", form);

        Assert.DoesNotContain(page.QuerySelectorAll("select[name='Input.Role'] option"), o => o.TextContent == "区委组织部");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请从列表中选择角色。", (await response.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Role']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "reach.beyond")));
    }

    [Fact]
    public async Task The_operator_creates_a_district_account_with_create_admin_and_it_reads_the_whole_district()
    {
        await ArrangeAsync();
        Environment.SetEnvironmentVariable("DOORSTEP_ADMIN_PASSWORD", "District-test-2026");
        try
        {
            Assert.Equal(0, await Doorstep.Hosting.Commands.CreateAdminAsync(app.Services,
                ["--user", "hongkou.reader", "--name", "区委组织部干部", "--sub-district", "嘉兴路街道", "--district-reader"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOORSTEP_ADMIN_PASSWORD", null);
        }

        var reader = await app.SignedInAsync("hongkou.reader", "District-test-2026");
        Assert.Equal(await MembersOfHongkouAsync(), (await reader.GetFromJsonAsync<ListResponse>("/api/v1/members"))!.Total);
        var home = await reader.GetPageAsync("/");
        Assert.Contains("区委组织部 · 虹口区各街道（只读）", home.QuerySelector(".lead")!.TextContent);
    }

    [Fact]
    public async Task A_sub_districts_admin_reads_the_audit_of_their_own_sub_district_only()
    {
        var (guangzhongMember, _, _) = await ArrangeAsync();
        var jiaxingMember = await IdOfAsync("郁嘉兴");
        var (jiaxing, guangzhong) = await app.WithDbAsync(async db => (
            await db.SubDistricts.Where(s => s.Name == "嘉兴路街道").Select(s => s.Id).SingleAsync(),
            await db.SubDistricts.Where(s => s.Name == "广中路街道").Select(s => s.Id).SingleAsync()));

        async Task<List<string>> MembersInAuditAsync(int subDistrict)
        {
            using var acting = CurrentUserAccessor.ActAs(new CurrentUser("admin-of-" + subDistrict, "街道管理员", new DataScope(ScopeKind.SubDistrict, subDistrict)));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
            string[] ids = [guangzhongMember.ToString(System.Globalization.CultureInfo.InvariantCulture), jiaxingMember.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            return await db.AuditEntries.Where(a => a.EntityType == nameof(Member) && ids.Contains(a.EntityId)).Select(a => a.EntityId).Distinct().ToListAsync();
        }

        Assert.Equal([jiaxingMember.ToString(System.Globalization.CultureInfo.InvariantCulture)], await MembersInAuditAsync(jiaxing));
        Assert.Equal([guangzhongMember.ToString(System.Globalization.CultureInfo.InvariantCulture)], await MembersInAuditAsync(guangzhong));
    }

    [Fact]
    public async Task The_sign_in_page_lists_the_district_demo_account_in_demo_mode()
    {
        var page = await app.NewClient().GetPageAsync("/Accounts/SignIn");

        Assert.Contains(page.QuerySelectorAll(".demo li"), li => li.TextContent.Contains("quwei") && li.TextContent.Contains("区委组织部"));
    }
}
