using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Support;

/// <summary>
/// One app node for tests that need more than the shared app: two nodes on one database, a restart
/// (a second node after the first is gone), or settings of their own. Start a database with
/// <see cref="NewDatabase"/> and pass the same settings to every node on it.
/// </summary>
public sealed class AppHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <summary>A fresh database (and data folder) with the demo data and the test key: a seeded copy, or one the first node migrates and seeds.</summary>
    public static Dictionary<string, string?> NewDatabase(params (string Key, string? Value)[] overrides)
    {
        var folder = Directory.CreateTempSubdirectory("doorstep-node-").FullName;
        // A setting may change what start-up writes (the file store, the demo): then the node makes its own.
        var settings = overrides.Length == 0 ? SeededDatabase.NewCopy(folder) : SeededDatabase.Empty(folder);
        settings["Jobs:PollInterval"] = "00:00:00.200";
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task DropDatabaseAsync(Dictionary<string, string?> settings) =>
        TestDatabase.DropAsync(settings["Database:Provider"] == "Postgres" ? settings["Database:ConnectionString"] : null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/Accounts/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = Doorstep.Features.Accounts.AccountsFeature.DemoPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<DoorstepDb, Task<T>> work)
    {
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("测试准备与核对"));
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
