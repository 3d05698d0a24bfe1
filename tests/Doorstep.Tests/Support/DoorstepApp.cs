using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Support;

/// <summary>
/// The real app through the real HTTP pipeline, on a fresh database (real migrations) seeded with
/// the demo data: a copy of one made once per run (<see cref="SeededDatabase"/>). One per test
/// collection, so tests share it and each test changes only records it owns.
/// </summary>
public sealed class DoorstepApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A fixed key so that tests can compute lookup hashes; never used outside tests.</summary>
    public const string PersonalDataKey = "dGVzdC1rZXktZm9yLWRvb3JzdGVwLXRlc3RzLW9ubHk=";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("doorstep-test-").FullName;
    private readonly Dictionary<string, string?> _settings;

    public DoorstepApp()
    {
        _settings = SeededDatabase.NewCopy(_dataDirectory);
    }

    public string DatabaseProvider => _settings["Database:Provider"]!;
    public string ConnectionString => _settings["Database:ConnectionString"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task InitializeAsync()
    {
        // Building the server runs start-up: migrations and the demo seed.
        _ = Server;
        return Task.CompletedTask;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string userName, string password = Doorstep.Features.Accounts.AccountsFeature.DemoPassword)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/Accounts/SignIn", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
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
        await DisposeAsync();
        await TestDatabase.DropAsync(DatabaseProvider == "Postgres" ? ConnectionString : null);
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
public sealed class SharedApp : ICollectionFixture<DoorstepApp>
{
    public const string Name = "app";
}
