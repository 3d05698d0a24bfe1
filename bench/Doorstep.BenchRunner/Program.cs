using System.Diagnostics;
using Doorstep.BenchRunner;

// bench/run.sh calls this after building; "render" alone rewrites docs/benchmarks.md from bench/results/.
var repository = FindRepository();
switch (args.FirstOrDefault())
{
    case "run":
        var options = RunOptions.Parse(args, repository);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = await MachineInfo.ReadAsync();
        var commit = await MachineInfo.CommitAsync(repository);
        Console.WriteLine($"Doorstep benchmarks: {options.Members:N0} members on {string.Join(" and ", options.Databases)}; commit {commit}");
        Console.WriteLine($"{machine.Cpu}, {machine.Cores} cores, {machine.MemoryMb} MB; {machine.Os}; {machine.DotNet}");

        if (options.GenerateOnly)
        {
            foreach (var database in options.Databases)
            {
                await BenchRun.RunAsync(options, database);
            }

            Console.WriteLine($"\nGenerated in {clock.Elapsed:h\\:mm\\:ss}; measure with --reuse-data.");
            break;
        }

        // Results of an earlier run must not mix with this one's in the report.
        if (Directory.Exists(options.Results))
        {
            Directory.Delete(options.Results, recursive: true);
        }

        foreach (var database in options.Databases)
        {
            var result = await BenchRun.RunAsync(options, database);
            await ResultFiles.WriteAsync(options.Results, ResultFiles.DatabaseFile(database), result);
        }

        await ResultFiles.WriteAsync(options.Results, ResultFiles.RunFile,
            new RunInfo(commit, started, clock.Elapsed.TotalSeconds, options.Members, options.Databases, machine, options.ReuseData));
        await RenderAsync(repository);
        Console.WriteLine($"\nDone in {clock.Elapsed:h\\:mm\\:ss}: docs/benchmarks.md, raw figures in bench/results/.");
        break;
    case "render":
        await RenderAsync(repository);
        break;
    default:
        Console.Error.WriteLine("usage: Doorstep.BenchRunner run [--members N] [--databases \"sqlite postgres\"] [--postgres CONNECTION] [--reuse-data | --generate-only] | render");
        return 2;
}

return 0;

static async Task RenderAsync(string repository)
{
    var results = Path.Combine(repository, "bench", "results");
    var run = ResultFiles.Read<RunInfo>(Path.Combine(results, ResultFiles.RunFile))
        ?? throw new InvalidOperationException("no bench/results/run.json: run the benchmarks first (bench/run.sh)");
    var databases = run.Databases.Select(d => ResultFiles.Read<DatabaseResult>(Path.Combine(results, ResultFiles.DatabaseFile(d)))).OfType<DatabaseResult>().ToList();
    var notes = Path.Combine(repository, "bench", "notes.md");
    var markdown = Report.Render(run, databases, File.Exists(notes) ? await File.ReadAllTextAsync(notes) : null);
    await File.WriteAllTextAsync(Path.Combine(repository, "docs", "benchmarks.md"), markdown);
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Doorstep.slnx")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the Doorstep repository");
}
