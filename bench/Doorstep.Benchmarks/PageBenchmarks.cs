using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Doorstep.Benchmarks;

/// <summary>
/// Whole pages, rendered by the whole app (Program, its middleware, sign-in cookie, Razor) hosted in
/// this process on the bench database, and asked for through TestServer as a signed-in browser asks:
/// what a request costs the server, allocations above all (issue 10: ≤ 60 KB per list-page request).
/// BenchmarkDotNet's MemoryDiagnoser counts every thread's allocations, so the figure includes the
/// in-memory client's share of a request (its HttpRequestMessage, headers and cookies; the body is read
/// into one buffer kept for the run): an upper bound on the page's own. The app runs no job workers
/// here, as a web node beside a worker node would: on a fresh start the visits' reconciliation works
/// through every campaign for seconds at 1,000,000 members, and the first benchmark measured it
/// (767 KB and 15.5 ms per list page on PostgreSQL in session 14's run).
/// </summary>
public partial class PageBenchmarks : SuiteBenchmarks
{
    private const string Cadre = "bench-page-cadre";
    private const string SubDistrictAdminUser = "bench-page-admin";

    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _cadre = null!;
    private HttpClient _admin = null!;
    private List<int> _files = [];
    private List<string> _names = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await SetUpSubDistrictAsync();
        var area = await Target.AsAsync(Admin, db => db.ResidentialAreas.Where(a => a.SubDistrictId == SubDistrictId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var sample = await Target.AsAsync(Admin, db => db.MembersInScope.AsNoTracking().OrderBy(m => m.Id).Take(5000).Select(m => new { m.Id, m.Name }).ToListAsync());
        _files = Spread(sample.Select(m => m.Id).ToList(), 50);
        _names = Spread(sample.Select(m => m.Name).Distinct().ToList(), 50);

        // The app's content root (wwwroot, for the versioned links to site.css and site.js): src/Doorstep
        // of the checkout this runs from, which WebApplicationFactory does not find from bench/ by itself.
        const string contentRoot = "ASPNETCORE_TEST_CONTENTROOT_DOORSTEP";
        if (Environment.GetEnvironmentVariable(contentRoot) is null)
        {
            var checkout = new DirectoryInfo(AppContext.BaseDirectory);
            while (checkout is not null && !System.IO.File.Exists(Path.Combine(checkout.FullName, "Doorstep.slnx")))
            {
                checkout = checkout.Parent;
            }

            Environment.SetEnvironmentVariable(contentRoot, Path.Combine(checkout?.FullName ?? throw new InvalidOperationException("Run from a checkout of Doorstep."), "src", "Doorstep"));
        }

        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // As the bench runner starts the app (Production), without the console logger's lines.
            b.UseEnvironment("Production");
            b.UseSetting("Database:Provider", Target.Provider.ToString());
            b.UseSetting("Database:ConnectionString", Target.ConnectionString);
            b.UseSetting(PersonalDataSetup.KeySetting, Target.PersonalDataKey);
            b.UseSetting("Jobs:Workers", "0");
            b.ConfigureLogging(l => l.ClearProviders());
        });
        var password = "Bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + "X9";
        await EnsureAccountAsync(Cadre, Roles.AreaCadre, password, area);
        await EnsureAccountAsync(SubDistrictAdminUser, Roles.SubDistrictAdmin, password, null);
        _cadre = await SignedInAsync(Cadre, password);
        _admin = await SignedInAsync(SubDistrictAdminUser, password);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _cadre.Dispose();
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>The area cadre's list, pages 1–5 in turn (as the load test asks for it). Returns the files shown.</summary>
    [Benchmark, Report("page.list", "党员名单页（居民区干部，第1–5页，整页）")]
    public Task<int> List() => CardsAsync(_cadre, $"/Members?page={1 + Next(Pages)}");

    [Benchmark, Report("page.search", "按姓名查找页（街道管理员，整页）")]
    public Task<int> Search() => CardsAsync(_admin, "/Members?q=" + Uri.EscapeDataString(Next(_names)));

    [Benchmark, Report("page.file", "党员档案页（街道管理员，整页）")]
    public async Task<int> File() => await BodyAsync(_admin, $"/Members/Details/{Next(_files)}") > 0 ? 1 : 0;

    private static readonly int[] Pages = [0, 1, 2, 3, 4];

    /// <summary>The page's bytes, read into one buffer kept for the run, so that the client's share of the figure stays small.</summary>
    private readonly byte[] _body = new byte[1 << 20];

    private async Task<int> CardsAsync(HttpClient client, string path)
    {
        var length = await BodyAsync(client, path);
        var cards = 0;
        for (var rest = _body.AsSpan(0, length); rest.IndexOf("class=\"card-link\""u8) is var at and >= 0; rest = rest[(at + 1)..])
        {
            cards++;
        }

        return cards;
    }

    private async Task<int> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        var length = 0;
        while (await body.ReadAsync(_body.AsMemory(length)) is var read and > 0)
        {
            length += read;
        }

        return length;
    }

    /// <summary>Creates the account the pages are asked for as, or gives it this run's password.</summary>
    private async Task EnsureAccountAsync(string userName, string role, string password, int? area)
    {
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("基准测试账户"));
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var result = await users.FindByNameAsync(userName) is { } existing
            ? await users.ResetPasswordAsync(existing, await users.GeneratePasswordResetTokenAsync(existing), password)
            : await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateAsync(userName, userName, role, SubDistrictId, password, residentialAreaId: area);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Signs in through the sign-in form, antiforgery token and all; the client keeps its cookies as a browser does.</summary>
    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetStringAsync("/Accounts/SignIn");
        var token = TokenInput().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["value"].Value) : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        using var response = await client.PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(
            [new("Input.UserName", userName), new("Input.Password", password), new("__RequestVerificationToken", token)]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex TokenInput();
}
