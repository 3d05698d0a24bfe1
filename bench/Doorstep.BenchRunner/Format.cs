using System.Globalization;

namespace Doorstep.BenchRunner;

/// <summary>Figures as the report writes them: invariant culture, units that suit their size.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Ms(double ms) => ms switch
    {
        < 0.1 => string.Create(Invariant, $"{ms * 1000:F0} µs"),
        < 10 => string.Create(Invariant, $"{ms:F2} ms"),
        < 100 => string.Create(Invariant, $"{ms:F1} ms"),
        _ => string.Create(Invariant, $"{ms:N0} ms"),
    };

    public static string Seconds(double seconds) =>
        seconds < 100 ? string.Create(Invariant, $"{seconds:F1} s") : string.Create(Invariant, $"{(int)seconds / 60} min {(int)seconds % 60:D2} s");

    public static string Rps(double requestsPerSecond) => requestsPerSecond.ToString("N0", Invariant);

    public static string Mb(long bytes) => string.Create(Invariant, $"{bytes / 1048576.0:F0} MB");

    public static string Kb(long bytes) => string.Create(Invariant, $"{bytes / 1024.0:F1} KB");

    public static string Percent(double share) =>
        share < 0.1 ? string.Create(Invariant, $"{share * 100:F1} %") : string.Create(Invariant, $"{share * 100:F0} %");

    public static string Number(long value) => value.ToString("N0", Invariant);
}
