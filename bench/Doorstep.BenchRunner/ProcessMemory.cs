using System.Globalization;

namespace Doorstep.BenchRunner;

/// <summary>A Linux process's resident memory, read from /proc: now (VmRSS) and its high-water mark (VmHWM).</summary>
internal static class ProcessMemory
{
    public static long Rss(int pid) => Read(pid, "VmRSS:");

    public static long Peak(int pid) => Read(pid, "VmHWM:");

    /// <summary>Starts a new high-water mark at the current resident size, so that a step's own peak can be read after it.</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    /// <summary>"VmRSS:	  123456 kB" → bytes; 0 once the process is gone.</summary>
    internal static long Parse(string status, string field)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static long Read(int pid, string field)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/status"), field);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Samples a process's resident memory while something runs, keeping the highest.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public RssSampler(int pid)
    {
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Highest = Math.Max(Highest, ProcessMemory.Rss(pid));
                await Task.Delay(200, CancellationToken.None);
            }
        });
    }

    public long Highest { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
