using System.Net;
using Doorstep.Features.Accounts;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Features.Accounts;

/// <summary>What a sign-in gives away: not whether a user name exists, not the cookie keys in a copied database.</summary>
[Collection(SharedApp.Name)]
public class SignInHardeningTests(DoorstepApp app)
{
    /// <summary>The app's own hasher, counting the passwords it checks.</summary>
    private sealed class CountingHasher(PasswordHasher<UserAccount> inner) : IPasswordHasher<UserAccount>
    {
        public static int Verifications;

        public string HashPassword(UserAccount user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static Dictionary<string, string> Credentials(string user, string password) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = password };

    [Fact]
    public async Task An_unknown_user_name_costs_the_same_password_hash_as_a_wrong_password()
    {
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddScoped<PasswordHasher<UserAccount>>();
            s.AddScoped<IPasswordHasher<UserAccount>, CountingHasher>();
        }));
        var client = counted.CreateClient(new() { AllowAutoRedirect = false });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateAsync("timingtest", "计时", Doorstep.Infrastructure.Roles.Volunteer, 1, "Timing-test-2026");
            Assert.True(created.Succeeded);
        }

        var before = CountingHasher.Verifications;
        await client.PostFormAsync("/Accounts/SignIn", Credentials("no-such-user-here", "Wrong-password-1"));
        var unknown = CountingHasher.Verifications - before;
        before = CountingHasher.Verifications;
        await client.PostFormAsync("/Accounts/SignIn", Credentials("timingtest", "Wrong-password-1"));
        var wrongPassword = CountingHasher.Verifications - before;

        Assert.Equal(1, wrongPassword);
        Assert.Equal(wrongPassword, unknown);

        // And in time: the median of a few tries each way is within a factor of 3 (4 wrong passwords in all: below the lockout).
        var known = new List<double>();
        var missing = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await TimeAsync(client, "timingtest"));
            missing.Add(await TimeAsync(client, $"nobody-{i}"));
        }

        var ratio = Median(known) / Median(missing);
        Assert.InRange(ratio, 1 / 3.0, 3.0);
    }

    private static async Task<double> TimeAsync(HttpClient client, string user)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await client.PostFormAsync("/Accounts/SignIn", Credentials(user, "Wrong-password-1"));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [Fact]
    public async Task Cookie_keys_are_stored_encrypted_and_a_sign_in_survives_a_restart_of_the_app()
    {
        var cookie = await SignInCookieAsync();

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        });

        // A second app on the same database and personal-data key (another node, or this one restarted) reads the cookie.
        using var restarted = app.WithWebHostBuilder(_ => { });
        var again = restarted.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var home = await again.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>Signs in without a cookie container, returning the sign-in cookie as a header value.</summary>
    private async Task<string> SignInCookieAsync()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Accounts/SignIn");
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await page.ReadHtmlAsync();
        var token = html.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "caihong",
                ["Input.Password"] = AccountsFeature.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("doorstep=", StringComparison.Ordinal)));
    }
}
