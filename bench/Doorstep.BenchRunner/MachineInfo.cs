using System.Runtime.InteropServices;

namespace Doorstep.BenchRunner;

/// <summary>The machine a run measured, as the report states it.</summary>
internal static class MachineInfo
{
    public static async Task<Machine> ReadAsync()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = ProcessMemory.Parse(await File.ReadAllTextAsync("/proc/meminfo"), "MemTotal:") / (1024 * 1024);
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;
        var sdk = await ChildProcess.RunAsync("dotnet", ["--version"], new Dictionary<string, string>(), echo: false);
        return new Machine(cpu, Environment.ProcessorCount, memory, $"{os} ({RuntimeInformation.OSArchitecture}, kernel {Environment.OSVersion.Version})",
            $"{RuntimeInformation.FrameworkDescription}, SDK {sdk.Output.Trim()}");
    }

    /// <summary>The commit measured, marked when the working tree differs from it.</summary>
    public static async Task<string> CommitAsync(string repository)
    {
        var head = await ChildProcess.RunAsync("git", ["-C", repository, "rev-parse", "--short=12", "HEAD"], new Dictionary<string, string>(), echo: false);
        var status = await ChildProcess.RunAsync("git", ["-C", repository, "status", "--porcelain", "--untracked-files=no"], new Dictionary<string, string>(), echo: false);
        var commit = head.ExitCode == 0 ? head.Output.Trim() : "unknown";
        return status.Output.Trim().Length > 0 ? commit + " (with uncommitted changes)" : commit;
    }
}
