using System.Net;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Accounts;

[Collection(SharedApp.Name)]
public class SignInTests(DoorstepApp app)
{
    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    [Fact]
    public async Task A_demo_account_signs_in_with_the_demo_password_and_is_greeted_by_name()
    {
        var client = app.NewClient();

        var response = await client.PostFormAsync("/Accounts/SignIn", Credentials("zhangqiao", AccountsFeature.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/");
        Assert.Contains("张桥居民区干部", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("张桥居民区", home.QuerySelector(".lead")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_Chinese_message()
    {
        var client = app.NewClient();

        var wrongPassword = await (await client.PostFormAsync("/Accounts/SignIn", Credentials("ruixin", "Wrong-password-1"))).ReadHtmlAsync();
        var unknownUser = await (await client.PostFormAsync("/Accounts/SignIn", Credentials("nobody-here", "Wrong-password-1"))).ReadHtmlAsync();

        Assert.Equal(SignInModel.FailureMessage, wrongPassword.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(SignInModel.FailureMessage, unknownUser.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        await CreateUserAsync("locktest", "Lock-test-2026");
        var client = app.NewClient();

        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Accounts/SignIn", Credentials("locktest", "Wrong-password-1"));
        }

        var response = await client.PostFormAsync("/Accounts/SignIn", Credentials("locktest", "Lock-test-2026"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInModel.FailureMessage, (await response.ReadHtmlAsync()).QuerySelector("[role=alert]")?.TextContent);
        var lockoutEnd = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "locktest").LockoutEnd));
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task An_empty_form_is_answered_with_field_messages_in_Chinese()
    {
        var response = await app.NewClient().PostFormAsync("/Accounts/SignIn", Credentials("", ""));

        var page = await response.ReadHtmlAsync();
        Assert.Equal("请输入用户名。", page.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);
        Assert.Equal("请输入密码。", page.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_PBKDF2_iterations()
    {
        var hash = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "admin").PasswordHash!));

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(hash);
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    [Fact]
    public async Task A_short_single_class_password_is_refused_in_Chinese()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<AccountSetup>();

        var result = await setup.CreateAsync("weak", "弱密码", Roles.Volunteer, 1, "abcdefg");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description == "密码至少需要 10 个字符。");
        Assert.Contains(result.Errors, e => e.Description == "密码需包含至少一个大写字母。");
    }

    private async Task CreateUserAsync(string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateAsync(userName, userName, Roles.Volunteer, 1, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
