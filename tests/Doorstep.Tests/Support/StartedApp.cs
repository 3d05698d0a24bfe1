using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Support;

/// <summary>
/// The real app started on settings a test chooses (environment, key, database, data folder), for
/// tests about starting itself: refusals, files on disk, restores. Unlike <see cref="DoorstepApp"/>
/// it is started by the test, once or several times on one database.
/// </summary>
public sealed class StartedApp(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts it (migrations, key check, demo seed) or throws why it would not start.</summary>
    public StartedApp Start()
    {
        _ = Server;
        return this;
    }

    /// <summary>The message of the refusal somewhere in what starting threw.</summary>
    public static string RefusalOf(Exception? thrown)
    {
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is StartRefusedException)
            {
                return e.Message;
            }

            if (e is AggregateException { InnerExceptions: [var only] })
            {
                return RefusalOf(only);
            }
        }

        throw new Xunit.Sdk.XunitException($"expected the start to be refused, but got: {thrown}");
    }

    public async Task<T> WithDbAsync<T>(Func<DoorstepDb, Task<T>> work)
    {
        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("测试准备与核对"));
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
    }

    /// <summary>A SQLite database in a folder of its own, whatever DOORSTEP_TEST_DB says: SQLite files are what these tests look at.</summary>
    public static Dictionary<string, string?> SqliteSettings(string dataDirectory, string? key, bool demo = false) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = "",
        ["Doorstep:DataDirectory"] = dataDirectory,
        ["Doorstep:DemoMode"] = demo ? "true" : "false",
        ["Doorstep:PersonalDataKey"] = key,
    };
}
