using System.Net;
using System.Security.Cryptography;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Doorstep.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Doorstep.Tests.Data;

/// <summary>The `backup` command's copy, and the restore docs/deployment.md describes: stop, replace the file, start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait(SqliteOnly.Trait, SqliteOnly.Value)]
public sealed class SqliteBackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("doorstep-backup-").FullName;
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private string Live => Path.Combine(_folder, "live");
    private string Backup => Path.Combine(_folder, "backups", "doorstep.db");

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_is_complete_checked_and_private()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Backup)!);
        await using var app = new StartedApp("Production", StartedApp.SqliteSettings(Live, _key, demo: true)).Start();
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await app.WithDbAsync(async db =>
                {
                    db.RecordView("Probe", writes.ToString(System.Globalization.CultureInfo.InvariantCulture), "steady writes during a backup");
                    return await db.SaveChangesAsync();
                });
                writes++;
            }
        });

        SqliteBackup.Result result;
        try
        {
            await Task.Delay(200);
            result = await SqliteBackup.WriteAsync(await ConnectionStringAsync(app), Backup);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(writes > 0, "the app kept writing");
        Assert.Equal(Path.GetFullPath(Backup), result.Path);
        Assert.Equal(2000, result.Rows["Members"]);
        Assert.False(File.Exists(Backup + ".partial"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Backup));
        await using var copy = new SqliteConnection($"Data Source={Backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = "SELECT count(*) FROM AuditEntries";
        Assert.Equal(result.Rows["AuditEntries"], (long)(await check.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_restored_backup_opens_with_the_right_key_and_shows_the_data()
    {
        int memberId;
        string idNumber;
        await using (var app = new StartedApp("Production", StartedApp.SqliteSettings(Live, _key, demo: true)).Start())
        {
            (memberId, idNumber) = await app.WithDbAsync(async db =>
            {
                var member = await db.Members.OrderBy(m => m.Id).FirstAsync();
                return (member.Id, app.Services.GetRequiredService<PersonalDataProtector>().Decrypt(member.IdNumberCipher));
            });
            await SqliteBackup.WriteAsync(await ConnectionStringAsync(app), Backup);
        }

        // Restore: the app stopped, the copy put in place of the database (no -wal or -shm beside it), the app started.
        var restored = Path.Combine(_folder, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(Backup, Path.Combine(restored, "doorstep.db"));

        await using (var wrongKey = new StartedApp("Production", StartedApp.SqliteSettings(restored, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))))
        {
            Assert.Contains("个人信息密钥与数据库不符", StartedApp.RefusalOf(Record.Exception(() => wrongKey.Start())));
        }

        await using var app2 = new StartedApp("Production", StartedApp.SqliteSettings(restored, _key)).Start();
        // In Production every cookie is Secure: the client speaks https, as a browser behind the proxy does.
        var client = app2.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signIn = await client.PostFormAsync("/Accounts/SignIn", new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin",
            ["Input.Password"] = Doorstep.Features.Accounts.AccountsFeature.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await client.GetAsync($"/Members/Details/{memberId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var restoredId = await app2.WithDbAsync(async db =>
            app2.Services.GetRequiredService<PersonalDataProtector>().Decrypt((await db.Members.SingleAsync(m => m.Id == memberId)).IdNumberCipher));
        Assert.Equal(idNumber, restoredId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static Task<string> ConnectionStringAsync(StartedApp app) =>
        app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
