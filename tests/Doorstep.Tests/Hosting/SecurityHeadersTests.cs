using System.Net;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Hosting;

[Collection(SharedApp.Name)]
public class SecurityHeadersTests(DoorstepApp app)
{
    private static void AssertBrowserHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_page_and_the_API_carry_the_content_security_policy_nosniff_and_referrer_policy()
    {
        var client = await app.SignedInAsync("zhangqiao");

        AssertBrowserHeaders(await client.GetAsync("/Members"));
        AssertBrowserHeaders(await client.GetAsync("/api/v1/members"));
        AssertBrowserHeaders(await app.NewClient().GetAsync("/Accounts/SignIn"));
    }

    [Fact]
    public void No_page_template_holds_an_inline_script_or_an_event_attribute_the_policy_would_block()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Doorstep"));
        var offending = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"<script(?![^>]*\ssrc=)|\son[a-z]+\s*=\s*""|\sstyle\s*=\s*""|javascript:"))
            .ToList();

        Assert.True(Directory.Exists(root), root);
        Assert.Empty(offending);
    }

    [Fact]
    public async Task In_production_behind_a_configured_proxy_cookies_are_Secure_HSTS_is_sent_and_the_forwarded_scheme_is_believed()
    {
        using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ForwardedHeaders:KnownProxies:0", "10.1.2.3");
            b.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.9.0.0/16");
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
        });
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://doorstep.example") });

        // (HSTS is never sent to localhost, so these requests name a host.)
        var signIn = await client.GetAsync("/Accounts/SignIn");

        AssertBrowserHeaders(signIn);
        Assert.StartsWith("max-age=", signIn.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // A plain-HTTP request that a known proxy says arrived over HTTPS is treated as HTTPS (HSTS is only
        // sent over HTTPS); the same claim from anyone else is not believed.
        var plain = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://doorstep.example") });
        Assert.True((await plain.SendAsync(Forwarded("10.1.2.3"))).Headers.Contains("Strict-Transport-Security"));
        Assert.True((await plain.SendAsync(Forwarded("10.9.4.4"))).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await plain.SendAsync(Forwarded("198.51.100.7"))).Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpRequestMessage Forwarded(string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add(PeerAddress.Header, peer);
        return request;
    }

    /// <summary>The test server has no TCP peer; this gives each request the address a test names, as a socket would.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
