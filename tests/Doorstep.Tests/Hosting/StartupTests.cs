using System.Net;
using System.Security.Cryptography;
using Doorstep.Data;
using Doorstep.Hosting;
using Doorstep.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Hosting;

/// <summary>What the app checks before it serves, and what it leaves on disk.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait(SqliteOnly.Trait, SqliteOnly.Value)]
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("doorstep-start-").FullName;
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private string DataDirectory => Path.Combine(_folder, "data");

    [Fact]
    public async Task Starting_on_a_database_written_with_another_key_is_refused_and_says_so()
    {
        await using (var first = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, _key)).Start())
        {
            Assert.Equal(1, await first.WithDbAsync(db => db.PersonalDataKeyRecords.CountAsync()));
        }

        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var second = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, otherKey));

        var refusal = StartedApp.RefusalOf(Record.Exception(() => second.Start()));

        Assert.Contains("个人信息密钥与数据库不符", refusal);
        Assert.Contains("Doorstep:PersonalDataKey", refusal);
    }

    [Fact]
    public async Task A_database_from_before_the_key_check_is_checked_against_its_own_ciphertexts()
    {
        await using (var demo = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, _key, demo: true)).Start())
        {
            // As a database written before the check existed: ciphertexts, no recorded key.
            await demo.WithDbAsync(db => db.PersonalDataKeyRecords.ExecuteDeleteAsync());
        }

        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var wrong = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, otherKey, demo: true));
        Assert.Contains("个人信息密钥与数据库不符", StartedApp.RefusalOf(Record.Exception(() => wrong.Start())));

        await using var right = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, _key, demo: true)).Start();
        Assert.Equal(1, await right.WithDbAsync(db => db.PersonalDataKeyRecords.CountAsync()));
    }

    [Fact]
    public async Task Starting_in_production_without_a_key_is_refused_and_says_so()
    {
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, key: null));

        var refusal = StartedApp.RefusalOf(Record.Exception(() => app.Start()));

        Assert.Contains("缺少个人信息密钥", refusal);
        Assert.Contains("Doorstep:PersonalDataKey", refusal);
    }

    [Fact]
    public async Task Health_reports_a_key_that_is_not_the_databases()
    {
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(DataDirectory, _key)).Start();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);

        // As if the database were restored under the running app from one written with another key.
        await app.WithDbAsync(db => db.PersonalDataKeyRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.KeyHash, "0000")));
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("personal-data key: 个人信息密钥与数据库不符", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_migrating_on_start_off_the_app_refuses_an_old_schema_until_migrate_has_run()
    {
        var settings = StartedApp.SqliteSettings(DataDirectory, _key);
        settings[DatabaseSetup.MigrateOnStartSetting] = "false";
        await using (var before = new StartedApp("Production", settings))
        {
            var refusal = StartedApp.RefusalOf(Record.Exception(() => before.Start()));
            Assert.Contains("migrate", refusal);
        }

        // What `Doorstep migrate` does, without starting a server.
        var options = new DbContextOptionsBuilder<SqliteDoorstepDb>().UseSqlite($"Data Source={Path.Combine(DataDirectory, "doorstep.db")}").Options;
        await using (var db = new SqliteDoorstepDb(options, new Doorstep.Infrastructure.CurrentUserAccessor(new Microsoft.AspNetCore.Http.HttpContextAccessor()), TimeProvider.System))
        {
            Assert.Equal(db.Database.GetMigrations(), await DatabaseSetup.MigrateAsync(db));
        }

        await using var after = new StartedApp("Production", settings).Start();
        Assert.Equal(HttpStatusCode.OK, (await after.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_data_folder_the_database_and_the_key_file_are_readable_by_the_apps_user_only()
    {
        await using (var app = new StartedApp("Development", StartedApp.SqliteSettings(DataDirectory, key: null)).Start())
        {
            await app.WithDbAsync(db => db.AuditEntries.CountAsync());
            Assert.Equal(Owner(rwx: true), File.GetUnixFileMode(DataDirectory));
            foreach (var file in new[] { "doorstep.db", "doorstep.db-wal", "doorstep.db-shm", "personal-data.key" })
            {
                Assert.Equal(Owner(rwx: false), File.GetUnixFileMode(Path.Combine(DataDirectory, file)));
            }
        }

        // A file an older release left world-readable is narrowed at the next start.
        SqliteConnection.ClearAllPools();
        var database = Path.Combine(DataDirectory, "doorstep.db");
        File.SetUnixFileMode(database, Owner(rwx: false) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using (new StartedApp("Development", StartedApp.SqliteSettings(DataDirectory, key: null)).Start())
        {
            Assert.Equal(Owner(rwx: false), File.GetUnixFileMode(database));
        }
    }

    [Fact]
    public void The_content_root_is_the_published_folder_or_the_project_above_a_build()
    {
        var published = Directory.CreateDirectory(Path.Combine(_folder, "published"));
        published.CreateSubdirectory("wwwroot");
        var project = Directory.CreateDirectory(Path.Combine(_folder, "src", "Doorstep"));
        File.WriteAllText(Path.Combine(project.FullName, "Doorstep.csproj"), "<Project />");
        var build = project.CreateSubdirectory(Path.Combine("bin", "Release", "net10.0"));

        Assert.Equal(published.FullName, ContentRoot.Find(published.FullName));
        Assert.Equal(project.FullName, ContentRoot.Find(build.FullName + Path.DirectorySeparatorChar));
        Assert.Null(ContentRoot.Find(_folder));
    }

    private static UnixFileMode Owner(bool rwx) =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | (rwx ? UnixFileMode.UserExecute : UnixFileMode.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
