using Doorstep.Data;
using Doorstep.Features.Accounts;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Hosting;

/// <summary>
/// Commands run instead of the web server, e.g. <c>./Doorstep migrate</c> in the published folder or
/// <c>dotnet run --project src/Doorstep -- create-admin ...</c>.
/// </summary>
public static class Commands
{
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                Environment.ExitCode = await MigrateAsync(app.Services);
                return true;
            case "backup":
                Environment.ExitCode = await BackupAsync(app.Services, args[1..]);
                return true;
            case "create-admin":
                await app.PrepareDatabaseAsync();
                Environment.ExitCode = await CreateAdminAsync(app.Services, args[1..]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// migrate: brings the schema up to this version and exits. With several app nodes on one
    /// PostgreSQL, run it once per deployment and start the nodes with Database:MigrateOnStart=false.
    /// Needs no personal-data key.
    /// </summary>
    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var applied = await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
        Console.WriteLine(applied.Count == 0
            ? "数据库结构已是最新。The schema is up to date."
            : $"已升级数据库结构。Applied: {string.Join(", ", applied)}");
        return 0;
    }

    /// <summary>backup FILE: a verified copy of the SQLite database, taken while the app runs (see SqliteBackup).</summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args)
    {
        if (args is not [var destination])
        {
            await Console.Error.WriteLineAsync("用法：backup 备份文件路径（例如 /var/backups/doorstep/doorstep-2026-11-29.db）");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync(
                "backup 只用于 SQLite。PostgreSQL 请用 pg_dump，或基础备份加 WAL 归档：见 docs/deployment.md。" +
                " backup is for SQLite; back PostgreSQL up with pg_dump, or a base backup with WAL archiving (docs/deployment.md).");
            return 2;
        }

        var result = await SqliteBackup.WriteAsync(db.Database.GetConnectionString()!, destination);
        Console.WriteLine($"已备份并校验：{result.Path}（{result.Rows.Count} 个表，党员 {result.Rows.GetValueOrDefault("Members")} 名）。");
        return 0;
    }

    /// <summary>
    /// create-admin --user NAME --name 显示名 --sub-district 嘉兴路街道 [--district 虹口区] [--city 上海市];
    /// the password is read from DOORSTEP_ADMIN_PASSWORD or from the first line of standard input.
    /// </summary>
    internal static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        var userName = Option("--user");
        var subDistrictName = Option("--sub-district");
        if (userName is null || subDistrictName is null)
        {
            await Console.Error.WriteLineAsync("用法：create-admin --user 用户名 --sub-district 街道名称 [--name 显示名] [--district 区] [--city 市] [--district-reader]；密码取自环境变量 DOORSTEP_ADMIN_PASSWORD 或标准输入的第一行。");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("DOORSTEP_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("请输入新管理员的密码：");
            password = Console.ReadLine() ?? "";
        }

        using var acting = CurrentUserAccessor.ActAs(CurrentUser.System("创建管理员"));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DoorstepDb>();
        var subDistrict = await db.SubDistricts.FirstOrDefaultAsync(s => s.Name == subDistrictName);
        if (subDistrict is null)
        {
            subDistrict = new SubDistrict { Name = subDistrictName, District = Option("--district") ?? "", City = Option("--city") ?? "" };
            db.SubDistricts.Add(subDistrict);
            await db.SaveChangesAsync();
            db.OrgUnits.Add(new OrgUnit { SubDistrictId = subDistrict.Id, Kind = OrgUnitKind.WorkingCommittee, Name = $"{subDistrictName}党工委" });
            await db.SaveChangesAsync();
        }

        // 区委组织部 reads every sub-district of the district: the operator creates it, never a sub-district's admin.
        var districtReader = args.Contains("--district-reader");
        if (districtReader && string.IsNullOrEmpty(subDistrict.District))
        {
            await Console.Error.WriteLineAsync($"{subDistrict.Name}未登记所属区，无法创建区委组织部账户。");
            return 1;
        }

        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateAsync(
            userName, Option("--name") ?? userName, districtReader ? Roles.DistrictOrganizationDepartment : Roles.SubDistrictAdmin, subDistrict.Id, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        Console.WriteLine(districtReader
            ? $"已创建区委组织部账户 {userName}（{subDistrict.District}各街道，只读）。"
            : $"已创建街道管理员 {userName}（{subDistrict.Name}）。");
        return 0;
    }
}
