using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Doorstep.BrowserTests.Support;

/// <summary>
/// The real app on a real Kestrel port, seeded with the demo data, and one Chromium that every test
/// shares: starting the browser and seeding cost seconds, a fresh browser context per test costs
/// milliseconds and still gives each test its own cookies.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("doorstep-browser-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "doorstep.db")}");
        builder.UseSetting("Doorstep:DemoMode", "true");
        builder.UseSetting("Doorstep:DataDirectory", _dataDirectory);
        // A fixed test-only key, the same as the integration tests use.
        builder.UseSetting(PersonalDataSetup.KeySetting, "dGVzdC1rZXktZm9yLWRvb3JzdGVwLXRlc3RzLW9ubHk=");
    }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            if (Chromium.IsRequired)
            {
                throw new InvalidOperationException($"CI=true but {Chromium.ExecutablePath} is missing: the CI script must install chromium and fonts-wqy-microhei.");
            }

            return;
        }

        // Start-up runs the migrations and the demo seed; the address is known only after it.
        UseKestrel(0);
        StartServer();

        // The first request compiles the pages and builds the EF model; on a busy 2-core machine that
        // can take longer than a browser step's timeout, so it is paid here, once, before any test.
        using (var warmUp = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) })
        {
            (await warmUp.GetAsync("/Accounts/SignIn")).EnsureSuccessStatusCode();
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Args,
            Headless = true,
        });
    }

    /// <summary>A browser context of its own (no cookies from other tests) with a screen of the given width.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1024, int height = 800)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium was not started.");
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });

        // CI shares two cores with the server under test: patience, not sleeps, absorbs a slow moment.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Signs in through the sign-in form, as a person would, and waits for the home page.</summary>
    public async Task SignInAsync(IPage page, string userName, string password = AccountsFeature.DemoPassword)
    {
        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        // Polls the address and the page's heading rather than waiting for the load event: once in CI
        // WaitForURLAsync found the address already "/", waited for a load event it never saw (only
        // NetworkIdle came), and timed out after 60 s with the home page in front of it.
        var patience = new PageAssertionsToHaveURLOptions { Timeout = 60_000 };
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/").ToString(), patience);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    /// <summary>Runs a query as the system, asked for by name, for arranging and checking data past every scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<DoorstepDb, Task<T>> work)
    {
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("测试准备与核对"));
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may linger a moment after the host stops; the temp folder is disposable.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
