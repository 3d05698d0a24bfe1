using System.Net;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Hosting;

[Collection(SharedApp.Name)]
public class StaticFilesTests(DoorstepApp app)
{
    [Theory]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/js/site.js", "gzip")]
    [InlineData("/css/site.css", "br")]
    public async Task Stylesheets_and_scripts_go_compressed_to_a_browser_that_accepts_it(string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);

        var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Pages_are_never_compressed_by_the_app_because_they_carry_tokens_and_personal_data()
    {
        var client = await app.SignedInAsync("admin");
        foreach (var path in new[] { "/Accounts/SignIn", "/Members", "/api/v1/members" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task A_versioned_stylesheet_is_cached_for_a_year_and_an_unversioned_one_is_not()
    {
        var client = app.NewClient();

        var versioned = await client.GetAsync("/css/site.css?v=abc");
        var plain = await client.GetAsync("/css/site.css");

        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Null(plain.Headers.CacheControl);
    }
}
