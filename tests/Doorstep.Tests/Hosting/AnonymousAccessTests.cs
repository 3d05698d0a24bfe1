using System.Net;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Hosting;

/// <summary>Deny by default: every endpoint needs sign-in unless it stands on this one public list.</summary>
[Collection(SharedApp.Name)]
public class AnonymousAccessTests(DoorstepApp app)
{
    private static readonly string[] PublicRoutes = ["/Accounts/SignIn", "/Error", "/Status/{code:int}", "/healthz", "/healthz/live"];

    /// <summary>
    /// Opened by a secret token in the URL, not a sign-in: 随身听 cards (ADR 0018) and an area's calendar
    /// feed, which calendar apps fetch without cookies (ADR 0019). Without a valid token there is nothing to find.
    /// </summary>
    private static readonly string[] TokenRoutes = ["/listen/", "/calendar/"];

    [Fact]
    public async Task Every_endpoint_off_the_public_list_refuses_an_anonymous_request()
    {
        var client = app.NewClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var checkedRoutes = 0;

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (PublicRoutes.Contains(pattern, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "1");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || response.StatusCode == HttpStatusCode.BadRequest && method != "GET" // antiforgery runs first on a form post
                    || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Accounts/SignIn"
                    || TokenRoutes.Any(t => pattern.StartsWith(t, StringComparison.OrdinalIgnoreCase)) && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests;
                Assert.True(refused, $"{method} {url} answered an anonymous request with {(int)response.StatusCode}");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes >= 10, $"only {checkedRoutes} routes checked");
    }

    [Fact]
    public async Task A_pages_own_script_whose_sign_in_ran_out_is_answered_401_not_sent_to_the_sign_in_page()
    {
        var client = app.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/HomeVisits/Mine");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/HomeVisits/Mine")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_is_exactly_what_answers_anonymously()
    {
        var client = app.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Accounts/SignIn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Status/404")).StatusCode);
    }
}
