using System.Net;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Hosting;

[Collection(SharedApp.Name)]
public class OperationsTests(DoorstepApp app)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await app.NewClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_answers_200_to_an_anonymous_request()
    {
        var response = await app.NewClient().GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_suite_runs_on_the_database_this_run_asked_for()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));

        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task An_unknown_URL_gets_a_Chinese_404_page()
    {
        var client = await app.SignedInAsync("ruixin");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("找不到这个页面", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_gets_a_Chinese_400_page()
    {
        var response = await app.NewClient().PostAsync("/Accounts/SignIn",
            new FormUrlEncodedContent([new("Input.UserName", "admin"), new("Input.Password", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求无法处理", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_malformed_form_body_never_gets_a_500()
    {
        var client = await app.SignedInAsync("ruixin");
        var content = new StringContent("%%%&&&=%zz\u0000", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/Members/Edit/1", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_oversized_request_gets_a_Chinese_413_page()
    {
        var client = await app.SignedInAsync("ruixin");
        var huge = new ByteArrayContent(new byte[61 * 1024 * 1024]);
        huge.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await client.PostAsync("/Members/Edit/1", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("文件太大", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_failure_shows_a_Chinese_page_with_a_reference_and_no_stack_trace()
    {
        var response = await app.NewClient().GetAsync("/Error");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("问题编号", body);
        Assert.DoesNotContain("   at ", body);
    }
}
