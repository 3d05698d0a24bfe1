namespace Doorstep.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright without `playwright install` (which downloads a browser
/// build and cannot run here). Missing on a developer's machine, the browser tests skip; missing in
/// CI (CI=true), they fail, so that a broken install step cannot pass as green.
/// </summary>
public static class Chromium
{
    /// <summary>Debian's path; DOORSTEP_CHROMIUM points elsewhere (another distribution, or a check of the skip rule).</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("DOORSTEP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // No sandbox: the tests run as root in a container; no GPU, no Google services, no first-run UI.
    public static readonly string[] Args =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests skip, or null when they run (always in CI).</summary>
    public static string? SkipReason =>
        IsInstalled || IsRequired ? null : $"{ExecutablePath} is not installed (apt-get install chromium fonts-wqy-microhei).";
}

/// <summary>A test that needs Chromium: skipped without it, except in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>A theory that needs Chromium: skipped without it, except in CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = Chromium.SkipReason;
}
