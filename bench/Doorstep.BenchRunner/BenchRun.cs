using System.Diagnostics;
using System.Security.Cryptography;

namespace Doorstep.BenchRunner;

/// <summary>Everything measured on one database, from a fresh data set to the export.</summary>
internal static class BenchRun
{
    public static async Task<DatabaseResult> RunAsync(RunOptions options, string database)
    {
        var result = new DatabaseResult { Database = database, Members = options.Members };
        var work = Path.Combine(options.Work, database);
        Directory.CreateDirectory(work);
        var clock = Stopwatch.StartNew();
        void Step(string what) => Console.WriteLine($"\n[{database} {clock.Elapsed:mm\\:ss}] {what}");

        var (data, generated) = await PrepareDataAsync(options, database, work, Step);
        result.Generation = generated.Generation;
        if (options.GenerateOnly)
        {
            return result;
        }

        var environment = new Dictionary<string, string>(data.AppSettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Doorstep__PersonalDataKey"] = generated.PersonalDataKey,
        };
        var key = generated.PersonalDataKey;

        Step("accounts: create-admin, then the admin creates an area cadre over HTTP");
        var accounts = Accounts.New();
        await accounts.CreateAdminAsync(options.AppDll, environment);
        await using (var server = await AppServer.StartAsync(options.AppDll, options.AppProject, environment, options.Port, Path.Combine(work, "app-accounts.log")))
        {
            using var admin = await StaffSession.SignInAsync(server.Address, accounts.AdminUser, accounts.Password);
            await accounts.CreateCadreAsync(admin);
        }

        Step("in-process benchmarks (BenchmarkDotNet), the app stopped");
        var roster = await InProcessSuite.MakeRosterAsync(options, data, key, work, result);
        await InProcessSuite.RunAsync(options, data, key, roster, work, result);

        Step("the app in production mode, under load");
        ListeningLoad.Configure(environment);
        await using (var server = await AppServer.StartAsync(options.AppDll, options.AppProject, environment, options.Port, Path.Combine(work, "app.log")))
        {
            using var admin = await StaffSession.SignInAsync(server.Address, accounts.AdminUser, accounts.Password);
            using var cadre = await StaffSession.SignInAsync(server.Address, accounts.CadreUser, accounts.Password);
            var samples = await Samples.ReadAsync(admin);
            Console.WriteLine($"  the admin sees {samples.Total} members; rotating through {samples.Names.Count} names and {samples.MemberIds.Count} files");
            var scenarios = new List<LoadScenario>(LoadTest.CoreScenarios(admin, cadre, samples));
            scenarios.AddRange(await VisitsLoad.ScenariosAsync(cadre));
            scenarios.AddRange(await ListeningLoad.ScenariosAsync(cadre));
            scenarios.AddRange(await ActivitiesLoad.ScenariosAsync(cadre));
            await LoadTest.RunAsync(server, scenarios, options, work, result);

            Step("page weights");
            await PageWeights.MeasureAsync(admin, cadre, samples, result);
            await InspectionsLoad.RunAsync(server, cadre, result);
        }

        // Import and export each on a freshly started app, so that neither is measured in memory
        // that the load or the other step left behind (.NET keeps what it has once used).
        if (roster is not null)
        {
            Step($"import of the {options.RosterRows}-row roster over HTTP, on a freshly started app");
            await using var server = await AppServer.StartAsync(options.AppDll, options.AppProject, environment, options.Port, Path.Combine(work, "app-import.log"));
            using var admin = await StaffSession.SignInAsync(server.Address, accounts.AdminUser, accounts.Password);
            result.Import = await ImportExport.ImportAsync(server, admin, roster, options.RosterRows);
        }

        Step("export of the list, on a freshly started app");
        await using (var server = await AppServer.StartAsync(options.AppDll, options.AppProject, environment, options.Port, Path.Combine(work, "app-export.log")))
        {
            using var admin = await StaffSession.SignInAsync(server.Address, accounts.AdminUser, accounts.Password);
            result.Export = await ImportExport.ExportAsync(server, admin, options.ExportRows);
        }

        Step("done");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine("  problem: " + problem);
        }

        return result;
    }

    /// <summary>A fresh data set, generated now; or, with --reuse-data, the one the last run generated in the
    /// same work folder for as many members (already measured on, so it holds that run's writes too).</summary>
    private static async Task<(DataSet Data, GeneratedData Generated)> PrepareDataAsync(RunOptions options, string database, string work, Action<string> step)
    {
        var postgres = database == "postgres"
            ? options.Postgres ?? throw new ArgumentException("--postgres is needed for the postgres run")
            : null;
        if (options.ReuseData && DataSets.Generated(work, options.Members) is { } earlier)
        {
            step($"reusing the data set generated earlier for {options.Members:N0} members (--reuse-data)");
            return (postgres is null ? DataSets.Sqlite(work) : DataSets.Postgres(postgres, options.PostgresDatabase), earlier);
        }

        step($"fresh data set: Doorstep.Benchmarks generate --members {options.Members} --seed 7");
        var data = postgres is null ? DataSets.FreshSqlite(work) : await DataSets.FreshPostgresAsync(postgres, options.PostgresDatabase);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var environment = new Dictionary<string, string>(data.AppSettings) { ["Doorstep__PersonalDataKey"] = key };
        // The generator lives in the benchmark project; the production app has no generate command.
        var generate = await ChildProcess.RunAsync("dotnet",
            [options.BenchmarksDll, "generate", "--provider", data.Provider, "--connection", data.ConnectionString, "--personal-data-key", key,
             "--members", options.Members.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "7"],
            environment, echo: false);
        if (generate.ExitCode != 0)
        {
            throw new InvalidOperationException("generate failed: " + generate.Output);
        }

        Console.WriteLine($"  {generate.Measure.Seconds:F0} s, peak {generate.Measure.PeakRssBytes / 1048576} MB");
        var generated = new GeneratedData(options.Members, key, generate.Measure);
        await DataSets.RecordGeneratedAsync(work, generated);
        return (data, generated);
    }
}
