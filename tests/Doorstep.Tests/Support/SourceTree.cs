namespace Doorstep.Tests.Support;

/// <summary>The repository's own files, for checks that read the source rather than run it.</summary>
public static class SourceTree
{
    /// <summary>The folder holding Doorstep.slnx, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "src", "Doorstep");

    /// <summary>A path relative to the app's folder, with forward slashes, for messages and allow-lists.</summary>
    public static string Relative(string path) => Path.GetRelativePath(App, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Doorstep.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Doorstep.slnx above {AppContext.BaseDirectory}.");
    }
}
