namespace Doorstep.Hosting;

/// <summary>
/// Where appsettings.json, wwwroot and the default data folder are, wherever the app is started
/// from. ASP.NET Core takes the current directory, so a published app started from anywhere else
/// (a service manager's /, a shell in the repository) ran without its settings and its stylesheets.
/// </summary>
public static class ContentRoot
{
    /// <summary>The builder's options: an explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.</summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsGiven(args) ? null : Find(AppContext.BaseDirectory),
    };

    /// <summary>
    /// A published folder holds wwwroot beside the app: that folder. A build's output
    /// (bin/Configuration/net10.0) holds no wwwroot: the project folder above it, as `dotnet run` uses.
    /// Anything else (a test host): null, the framework's own choice.
    /// </summary>
    public static string? Find(string baseDirectory)
    {
        if (Directory.Exists(Path.Combine(baseDirectory, "wwwroot")))
        {
            return baseDirectory;
        }

        var project = Path.GetFullPath(Path.Combine(baseDirectory, "..", "..", ".."));
        return File.Exists(Path.Combine(project, "Doorstep.csproj")) ? project : null;
    }

    private static bool IsGiven(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
