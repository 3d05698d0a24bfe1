namespace Doorstep.Benchmarks;

/// <summary>
/// The benchmark suite's commands: `generate` fills a database with the 1,000,000-member data set
/// (the production app has no such command); `run` measures the app's query code in this process
/// against a database given on the command line; `make-roster` writes the 100,000-row roster it imports.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
            if (line.Command is not ("generate" or "run" or "make-roster" or "import"))
            {
                throw new UsageException($"Unknown command '{line.Command}'.");
            }

            await using var target = new BenchTarget(line.Provider, line.Required("connection"), line.Required("personal-data-key"), line.Optional("roster"),
                logProgress: line.Command == "generate");
            if (line.Command == "generate")
            {
                await target.GenerateAsync(line.Number("members"), line.Optional("seed") is null ? 7 : line.Number("seed"));
                return 0;
            }

            if (line.Command == "make-roster")
            {
                var output = line.Required("out");
                var (created, updated) = await RosterMaker.WriteAsync(target, line.Number("rows"), output);
                Console.WriteLine($"{output}: {created} new members, {updated} updates of files held");
                return 0;
            }

            if (line.Command == "import")
            {
                await ImportTiming.RunAsync(target, line.Required("roster"));
                return 0;
            }

            return await SuiteRunner.RunAsync(target, line.Required("out"), line.Optional("filter"));
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }
    }
}
