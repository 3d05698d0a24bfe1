using System.Diagnostics;

namespace Doorstep.BenchRunner;

/// <summary>Runs a command to its end, echoing its output indented, and measures its wall time and peak memory.</summary>
internal static class ChildProcess
{
    public sealed record Outcome(int ExitCode, ProcessMeasure Measure, string Output);

    public static async Task<Outcome> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, bool echo = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new System.Text.StringBuilder();
        void Take(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (echo)
            {
                Console.WriteLine("    " + line);
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, e) => Take(e.Data);
        process.ErrorDataReceived += (_, e) => Take(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // VmHWM only grows, so its last reading before the exit is the peak (to within the 100 ms between readings).
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessMemory.Peak(process.Id));
            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, new ProcessMeasure(clock.Elapsed.TotalSeconds, peak), output.ToString());
    }
}
