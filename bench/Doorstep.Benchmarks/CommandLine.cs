using Doorstep.Data;

namespace Doorstep.Benchmarks;

/// <summary>The options of both commands: --name value pairs, checked before anything runs.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = [];

    private CommandLine(string command) => Command = command;

    public string Command { get; }

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("Say which command: generate, run or make-roster.");
        }

        var line = new CommandLine(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
            {
                throw new UsageException($"Expected --name value, found '{args[i]}'.");
            }

            line._options[args[i][2..]] = args[i + 1];
        }

        return line;
    }

    public string Required(string name) =>
        _options.GetValueOrDefault(name) ?? throw new UsageException($"{Command} needs --{name}.");

    public string? Optional(string name) => _options.GetValueOrDefault(name);

    public DatabaseProvider Provider => Enum.TryParse<DatabaseProvider>(Required("provider"), ignoreCase: true, out var p)
        ? p
        : throw new UsageException("--provider is Sqlite or Postgres.");

    public int Number(string name) => int.TryParse(Required(name), out var n) && n > 0
        ? n
        : throw new UsageException($"--{name} is a positive whole number.");

    public const string Usage = """
        Doorstep.Benchmarks generate --provider Sqlite|Postgres --connection "CONNECTION STRING" --personal-data-key BASE64
                                --members 1000000 [--seed 7]
        Doorstep.Benchmarks run --provider Sqlite|Postgres --connection "CONNECTION STRING" --personal-data-key BASE64
                                --roster roster-100k.xlsx --out results.json [--filter GLOB]
        Doorstep.Benchmarks make-roster --provider Sqlite|Postgres --connection "CONNECTION STRING" --personal-data-key BASE64
                                --rows 100000 --out roster.xlsx
        GLOB matches benchmark ids, e.g. 'search.*'.
        """;
}

public sealed class UsageException(string message) : Exception(message);
