using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Features.Organizations;
using Doorstep.Features.TemporaryBranches;
using Doorstep.Features.Transfers;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Doorstep.Benchmarks;

/// <summary>
/// The database a run measures, reached through the app's own registrations (as in Program.cs), so
/// that DoorstepDb, its scope filters and the personal-data protector are the real ones. Pages,
/// sign-in and hosted services are left out: the suite calls the query code, not HTTP.
/// </summary>
public sealed class BenchTarget : IAsyncDisposable
{
    private readonly IHost _host;

    public BenchTarget(DatabaseProvider provider, string connectionString, string personalDataKey, string? rosterPath = null, bool logProgress = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        PersonalDataKey = personalDataKey;
        RosterPath = rosterPath;
        // No logging providers: a console line per query would be measured with the query.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            [PersonalDataSetup.KeySetting] = personalDataKey,
        });
        if (logProgress)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.Services.AddDatabase(builder.Configuration);
        // Timelines link to pages (LinkGenerator) as the app's do.
        builder.Services.AddRouting();
        builder.Services.AddPersonalDataProtection(builder.Configuration, builder.Environment);
        builder.Services.AddOrganizations();
        builder.Services.AddMembers();
        builder.Services.AddTemporaryBranches();
        builder.Services.AddTransfers();
        _host = builder.Build();
    }

    /// <summary>
    /// Migrates the database as the app's `migrate` does, checks or records the personal-data key as
    /// the app's start does (the generated files are encrypted with it), then appends the data set.
    /// </summary>
    public async Task GenerateAsync(int members, int seed)
    {
        await using var scope = Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<DoorstepDb>());
        await scope.ServiceProvider.GetRequiredService<PersonalDataKeyCheck>().VerifyOrRecordAsync();
        await ActivatorUtilities.CreateInstance<ScaleData>(scope.ServiceProvider).GenerateAsync(members, seed);
    }

    /// <summary>The target of the current run; BenchmarkDotNet creates the benchmark classes itself, in this process.</summary>
    public static BenchTarget Current { get; set; } = null!;

    public DatabaseProvider Provider { get; }

    /// <summary>What the whole app needs to start on the same database (the page benchmarks host it in process).</summary>
    public string ConnectionString { get; }

    public string PersonalDataKey { get; }

    /// <summary>The roster import.check-100k checks (see make-roster).</summary>
    public string? RosterPath { get; }

    public IServiceProvider Services => _host.Services;

    public PersonalDataProtector Protector => Services.GetRequiredService<PersonalDataProtector>();

    /// <summary>Runs work as a user, with a DoorstepDb of its own, as one request would.</summary>
    public Task<T> AsAsync<T>(CurrentUser user, Func<DoorstepDb, Task<T>> work) =>
        InScopeAsync(user, services => work(services.GetRequiredService<DoorstepDb>()));

    /// <summary>Runs work as a user in a service scope of its own (one request's DoorstepDb and scoped services).</summary>
    public async Task<T> InScopeAsync<T>(CurrentUser user, Func<IServiceProvider, Task<T>> work)
    {
        using var acting = CurrentUserAccessor.ActAs(user);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The sub-district the suite works in: the first one (嘉兴路 in the demo, 示例街道001 in the scale data).</summary>
    public Task<int> FirstSubDistrictAsync() =>
        AsAsync(CurrentUser.System("基准测试"), db => db.SubDistricts.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    public static CurrentUser SubDistrictAdmin(int subDistrictId) =>
        new("bench-admin", "基准测试·街道管理员", new DataScope(ScopeKind.SubDistrict, subDistrictId));

    public static CurrentUser AreaCadre(int subDistrictId, int areaId) =>
        new($"bench-cadre-{areaId}", "基准测试·居民区干部", new DataScope(ScopeKind.ResidentialArea, subDistrictId, ResidentialAreaId: areaId));

    /// <summary>区委组织部 of the district of the given sub-district: the generated sub-districts share one district, so every member.</summary>
    public static CurrentUser District(int subDistrictId) =>
        new("bench-district", "基准测试·区委组织部", new DataScope(ScopeKind.District, subDistrictId));

    public Task<int> MemberCountAsync() => AsAsync(CurrentUser.System("基准测试"), db => db.Members.IgnoreQueryFilters().CountAsync());

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
