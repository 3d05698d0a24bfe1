using System.Net;
using System.Security.Cryptography;

namespace Doorstep.BenchRunner;

/// <summary>The two people the benchmarks act as: a sub-district admin and an area cadre of one of its areas.</summary>
internal sealed record Accounts(string AdminUser, string CadreUser, string Password)
{
    /// <summary>The first sub-district the generator creates (ScaleData names them 示例街道001, 示例街道002, …).</summary>
    public const string SubDistrict = "示例街道001";

    /// <summary>New for every run, so that a reused data set (--reuse-data) takes the next run's accounts too;
    /// the password has upper, lower and digits, as the password rules ask.</summary>
    public static Accounts New()
    {
        var run = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        return new($"bench-admin-{run}", $"bench-cadre-{run}", "Bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant() + "X9");
    }

    /// <summary>The app's create-admin command, as an operator runs it on a new installation.</summary>
    public async Task CreateAdminAsync(string appDll, IReadOnlyDictionary<string, string> environment)
    {
        var withPassword = new Dictionary<string, string>(environment) { ["DOORSTEP_ADMIN_PASSWORD"] = Password };
        var outcome = await ChildProcess.RunAsync("dotnet", [appDll, "create-admin", "--user", AdminUser, "--name", "基准测试管理员", "--sub-district", SubDistrict], withPassword, echo: false);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException("create-admin failed: " + outcome.Output);
        }
    }

    /// <summary>The admin creates the cadre under 账户管理 → 新建账户, for the first area the form offers.</summary>
    public async Task CreateCadreAsync(StaffSession admin)
    {
        var areas = HtmlPage.OptionValues(await admin.GetHtmlAsync("/Accounts/Users/Create"), "Input.ResidentialAreaId");
        var area = areas.Count > 0 ? areas[0] : throw new InvalidOperationException("the account form offers no residential area");
        using var response = await admin.PostFormAsync("/Accounts/Users/Create",
        [
            new("Input.UserName", CadreUser),
            new("Input.DisplayName", "基准测试居民区干部"),
            new("Input.Role", "AreaCadre"),
            new("Input.ResidentialAreaId", area),
            new("Input.Password", Password),
        ]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"creating the cadre answered {(int)response.StatusCode}");
        }
    }
}
