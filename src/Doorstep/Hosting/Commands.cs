using Doorstep.Data;
using Doorstep.Data.Scale;
using Doorstep.Features.Accounts;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Hosting;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/Doorstep -- create-admin ...</c>.
/// </summary>
public static class Commands
{
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "create-admin":
                await app.PrepareDatabaseAsync();
                Environment.ExitCode = await CreateAdminAsync(app.Services, args[1..]);
                return true;
            case "generate":
                await app.PrepareDatabaseAsync();
                Environment.ExitCode = await GenerateAsync(app.Services, args[1..]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>generate --members 1000000 [--seed 7]: a large realistic data set for benchmarks (see ScaleData).</summary>
    private static async Task<int> GenerateAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (!int.TryParse(Option("--members"), out var members) || members < 1)
        {
            await Console.Error.WriteLineAsync("用法：generate --members 人数 [--seed 种子]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScaleData>().GenerateAsync(members, int.TryParse(Option("--seed"), out var seed) ? seed : 7);
        return 0;
    }

    /// <summary>
    /// create-admin --user NAME --name 显示名 --sub-district 嘉兴路街道 [--district 虹口区] [--city 上海市];
    /// the password is read from DOORSTEP_ADMIN_PASSWORD or from the first line of standard input.
    /// </summary>
    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        var userName = Option("--user");
        var subDistrictName = Option("--sub-district");
        if (userName is null || subDistrictName is null)
        {
            await Console.Error.WriteLineAsync("用法：create-admin --user 用户名 --sub-district 街道名称 [--name 显示名] [--district 区] [--city 市]；密码取自环境变量 DOORSTEP_ADMIN_PASSWORD 或标准输入的第一行。");
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

        var result = await scope.ServiceProvider.GetRequiredService<AccountSetup>().CreateAsync(
            userName, Option("--name") ?? userName, Roles.SubDistrictAdmin, subDistrict.Id, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        Console.WriteLine($"已创建街道管理员 {userName}（{subDistrict.Name}）。");
        return 0;
    }
}
