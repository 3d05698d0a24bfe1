using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Accounts;

/// <summary>The sub-district admin's account management. Each test creates accounts with names of its own.</summary>
[Collection(SharedApp.Name)]
public class UsersTests(DoorstepApp app)
{
    private const string Password = "Users-test-2026";

    [Fact]
    public async Task An_area_cadre_created_by_the_admin_signs_in_and_sees_only_the_members_of_that_area()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await CreateAsync(admin, "dalian.cadre", Roles.AreaCadre, ("Input.ResidentialAreaId", "大连居民区"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await admin.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已创建账户 dalian.cadre", details.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(["dalian.cadre", "测试dalian.cadre", "居民区干部", "大连居民区", "正常"], details.QuerySelectorAll(".facts dd").Select(d => d.TextContent.Trim()));

        var cadre = await app.SignedInAsync("dalian.cadre", Password);
        var expected = await app.WithDbAsync(db => db.Members.CountAsync(m => m.OrgUnit.ResidentialArea!.Name == "大连"));
        var api = await cadre.GetFromJsonAsync<ListResponse>("/api/v1/members");
        Assert.True(expected > 0);
        Assert.Equal(expected, api!.Total);
    }

    [Fact]
    public async Task The_account_list_shows_each_account_with_role_scope_and_status_in_Chinese()
    {
        var admin = await app.SignedInAsync("admin");

        var list = await admin.GetPageAsync("/Accounts/Users");

        var caihong = list.QuerySelectorAll(".cards li").Single(li => li.TextContent.Contains("caihong")).TextContent;
        Assert.Contains("周菊妹", caihong);
        Assert.Contains("临时党支部书记 · 彩虹之嘉临时党支部", caihong);
        Assert.Contains("正常", caihong);
        var zhangqiao = list.QuerySelectorAll(".cards li").Single(li => li.TextContent.Contains("zhangqiao")).TextContent;
        Assert.Contains("居民区干部 · 张桥居民区", zhangqiao);
    }

    [Fact]
    public async Task A_weak_password_gets_the_Chinese_rules_at_the_password_field_and_no_account_is_created()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await CreateAsync(admin, "feeble.password", Roles.Volunteer, password: "abcdefg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await response.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent;
        Assert.Contains("密码至少需要 10 个字符。", message);
        Assert.Contains("密码需包含至少一个大写字母。", message);
        Assert.Contains("密码需包含至少一个数字。", message);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "feeble.password")));
    }

    [Fact]
    public async Task An_area_cadre_without_an_area_is_refused_at_the_area_field()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await CreateAsync(admin, "arealess.cadre", Roles.AreaCadre);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("居民区干部须选择居民区。", page.QuerySelector("[data-valmsg-for='Input.ResidentialAreaId']")!.TextContent);
        Assert.Equal("arealess.cadre", page.QuerySelector<IHtmlInputElement>("input[name='Input.UserName']")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "arealess.cadre")));
    }

    [Fact]
    public async Task A_user_name_outside_the_allowed_characters_or_already_taken_is_refused_at_its_field()
    {
        var admin = await app.SignedInAsync("admin");

        var chinese = await (await CreateAsync(admin, "张三", Roles.Volunteer)).ReadHtmlAsync();
        var taken = await (await CreateAsync(admin, "ZhangQiao", Roles.Volunteer)).ReadHtmlAsync();

        Assert.Equal("用户名须为3至50位，只能使用英文字母、数字和 . _ - 。", chinese.QuerySelector("[data-valmsg-for='Input.UserName']")!.TextContent);
        Assert.Equal("用户名“ZhangQiao”已被使用，请换一个。", taken.QuerySelector("[data-valmsg-for='Input.UserName']")!.TextContent);
    }

    [Fact]
    public async Task An_area_of_another_sub_district_is_refused_even_when_posted_by_hand()
    {
        var admin = await app.SignedInAsync("admin");
        var elsewhere = await InAnotherSubDistrictAsync();

        var response = await CreateAsync(admin, "foreign.area", Roles.AreaCadre, ("Input.ResidentialAreaId", elsewhere.AreaId.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("所选居民区不在本街道，请重新选择。",
            (await response.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.ResidentialAreaId']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "foreign.area")));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_it_is_enabled_again()
    {
        var id = await ArrangeAccountAsync("to.disable");
        var stampBefore = await StampOfAsync(id);
        var admin = await app.SignedInAsync("admin");

        var disabled = await admin.PostFormAsync($"/Accounts/Users/Details/{id}", [], formAction: $"/Accounts/Users/Details/{id}?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var signIn = await app.NewClient().PostFormAsync("/Accounts/SignIn", Credentials("to.disable", Password));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(SignInModel.FailureMessage, (await signIn.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent);
        // The renewed stamp is what ends the sessions the account already has open.
        Assert.NotEqual(stampBefore, await StampOfAsync(id));
        Assert.Contains("已停用", (await admin.GetPageAsync($"/Accounts/Users/Details/{id}")).QuerySelector(".facts")!.TextContent);

        var enabled = await admin.PostFormAsync($"/Accounts/Users/Details/{id}", [], formAction: $"/Accounts/Users/Details/{id}?handler=Enable");

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await app.SignedInAsync("to.disable", Password);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        // A second admin, so that a failure here cannot lock out the "admin" the other tests use.
        var id = await ArrangeAccountAsync("second.admin", Roles.SubDistrictAdmin);
        var self = await app.SignedInAsync("second.admin", Password);

        var page = await self.GetPageAsync($"/Accounts/Users/Details/{id}");
        var response = await self.PostFormAsync($"/Accounts/Users/Details/{id}", [], formAction: $"/Accounts/Users/Details/{id}?handler=Disable");

        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Disable']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("不能停用自己的账户。", (await response.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_new_password_set_by_the_admin_replaces_the_old_one_and_a_weak_one_is_refused_at_its_field()
    {
        var id = await ArrangeAccountAsync("reset.me");
        var admin = await app.SignedInAsync("admin");
        var action = $"/Accounts/Users/Details/{id}?handler=ResetPassword";

        var weak = await admin.PostFormAsync($"/Accounts/Users/Details/{id}", [new("NewPassword", "short")], formAction: action);
        var reset = await admin.PostFormAsync($"/Accounts/Users/Details/{id}", [new("NewPassword", "Brand-new-2026")], formAction: action);

        Assert.Contains("密码至少需要 10 个字符。", (await weak.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='NewPassword']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var old = await app.NewClient().PostFormAsync("/Accounts/SignIn", Credentials("reset.me", Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await app.SignedInAsync("reset.me", "Brand-new-2026");
    }

    [Fact]
    public async Task A_locked_account_shows_until_when_in_China_time()
    {
        var id = await ArrangeAccountAsync("locked.display");
        var until = new DateTimeOffset(2099, 5, 13, 6, 5, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == id)).LockoutEnd = until;
            return await db.SaveChangesAsync();
        });
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetPageAsync($"/Accounts/Users/Details/{id}");

        Assert.Contains("已锁定至 2099年5月13日 14:05", page.QuerySelector(".facts")!.TextContent);
        Assert.Equal("解除锁定", page.QuerySelector("form[action*='handler=Enable'] button")?.TextContent);
    }

    [Fact]
    public async Task An_area_cadre_is_refused_the_account_pages_and_the_create_post()
    {
        var cadre = await app.SignedInAsync("zhangqiao");

        var list = await cadre.GetAsync("/Accounts/Users");
        // A valid antiforgery token from a page the cadre may use, so that only authorization can refuse.
        var post = await cadre.PostFormAsync("/Accounts/SignOut",
            [new("Input.UserName", "cadre.made"), new("Input.DisplayName", "越权"), new("Input.Role", Roles.SubDistrictAdmin), new("Input.Password", Password)],
            formAction: "/Accounts/Users/Create");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", list.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", post.Headers.Location?.AbsolutePath);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "cadre.made")));
    }

    [Fact]
    public async Task An_account_of_another_sub_district_answers_404_like_a_guessed_id()
    {
        var elsewhere = await InAnotherSubDistrictAsync();
        var admin = await app.SignedInAsync("admin");

        foreach (var id in new[] { elsewhere.UserId, Guid.NewGuid().ToString() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Accounts/Users/Details/{id}")).StatusCode);
            foreach (var handler in new[] { "Disable", "Enable", "ResetPassword" })
            {
                var response = await admin.PostFormAsync("/Accounts/Users/Create", [new("NewPassword", "Brand-new-2026")], formAction: $"/Accounts/Users/Details/{id}?handler={handler}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        Assert.DoesNotContain("elsewhere.user", (await admin.GetPageAsync("/Accounts/Users")).QuerySelector("main")!.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == elsewhere.UserId).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Creating_an_account_is_audited_under_the_admin_without_the_password_hash()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await CreateAsync(admin, "audited.handler", Roles.DepartmentHandler, ("Input.DepartmentId", "民防办"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "audited.handler").Select(u => u.Id).SingleAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "UserAccount" && a.EntityId == id && a.Action == AuditAction.Created));
        Assert.Equal("admin", audit.UserName);
        var changes = AuditTrail.Read(audit.Changes);
        Assert.Contains(new AuditChange("UserName", null, "audited.handler"), changes);
        Assert.Equal("（已更改，受保护字段不记录内容）", changes.Single(c => c.Field == "PasswordHash").New);
    }

    /// <summary>Fills the create form as a user would; a select is chosen by the text of its option.</summary>
    private static async Task<HttpResponseMessage> CreateAsync(
        HttpClient admin, string userName, string role, (string Select, string Option)? scope = null, string password = Password)
    {
        var page = await admin.GetPageAsync("/Accounts/Users/Create");
        var form = Forms.FieldsOf(page)
            .With("Input.UserName", userName).With("Input.DisplayName", "测试" + userName)
            .With("Input.Role", role).With("Input.Password", password);
        if (scope is var (select, option))
        {
            var value = page.QuerySelectorAll($"select[name='{select}'] option").FirstOrDefault(o => o.TextContent == option)?.GetAttribute("value") ?? option;
            form = form.With(select, value);
        }

        return await admin.PostFormAsync("/Accounts/Users/Create", form);
    }

    private async Task<string> ArrangeAccountAsync(string userName, string role = Roles.Volunteer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateAsync(userName, "测试" + userName, role, 1, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
    }

    private Task<string?> StampOfAsync(string id) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

    /// <summary>A second sub-district with one area and one account; made once, by whichever test asks first.</summary>
    private async Task<(int AreaId, string UserId)> InAnotherSubDistrictAsync()
    {
        var existing = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "elsewhere.user")
            .Select(u => new { u.Id, u.ResidentialAreaId }).SingleOrDefaultAsync());
        if (existing is not null)
        {
            return (existing.ResidentialAreaId!.Value, existing.Id);
        }

        var area = await app.WithDbAsync(async db =>
        {
            var subDistrict = new SubDistrict { Name = "测试街道", District = "测试区", City = "测试市" };
            db.SubDistricts.Add(subDistrict);
            await db.SaveChangesAsync();
            var area = new ResidentialArea { SubDistrictId = subDistrict.Id, Name = "测试" };
            db.ResidentialAreas.Add(area);
            await db.SaveChangesAsync();
            return area;
        });
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateAsync("elsewhere.user", "外街道干部", Roles.AreaCadre, area.SubDistrictId, Password, residentialAreaId: area.Id);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (area.Id, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "elsewhere.user").Select(u => u.Id).SingleAsync()));
    }

    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    private sealed record ListResponse(int Total);
}
