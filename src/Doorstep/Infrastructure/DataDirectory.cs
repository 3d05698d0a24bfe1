namespace Doorstep.Infrastructure;

/// <summary>The folder for the SQLite file and local keys: `Doorstep:DataDirectory`, relative to the content root.</summary>
public static class DataDirectory
{
    public static string Resolve(IConfiguration config, IHostEnvironment env)
    {
        var path = Path.Combine(env.ContentRootPath, config["Doorstep:DataDirectory"] ?? "data");
        if (!Directory.Exists(path))
        {
            // Only the app's own user may list or enter it: it holds the database and, outside
            // production, the personal-data key.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
