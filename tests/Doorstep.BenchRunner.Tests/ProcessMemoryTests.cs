namespace Doorstep.BenchRunner.Tests;

public class ProcessMemoryTests
{
    private const string Status = "Name:\tdotnet\nVmPeak:\t 3264724 kB\nVmHWM:\t  301236 kB\nVmRSS:\t  250000 kB\nThreads:\t22\n";

    [Fact]
    public void Resident_memory_and_its_high_water_mark_are_read_in_bytes()
    {
        Assert.Equal(250_000L * 1024, ProcessMemory.Parse(Status, "VmRSS:"));
        Assert.Equal(301_236L * 1024, ProcessMemory.Parse(Status, "VmHWM:"));
    }

    [Fact]
    public void The_current_process_has_a_resident_size_and_a_peak_at_least_as_high()
    {
        var pid = Environment.ProcessId;

        Assert.True(ProcessMemory.Rss(pid) > 0);
        Assert.True(ProcessMemory.Peak(pid) >= ProcessMemory.Rss(pid) / 2);
    }
}
