namespace Doorstep.Infrastructure;

/// <summary>The folder for the SQLite file and local keys: `Doorstep:DataDirectory`, relative to the content root.</summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration config, IHostEnvironment env)
    {
        var path = Path.Combine(env.ContentRootPath, config["Doorstep:DataDirectory"] ?? "data");
        Directory.CreateDirectory(path);
        return path;
    }
}
