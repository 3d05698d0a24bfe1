namespace Doorstep.Infrastructure;

/// <summary>Files that hold personal data or keys: readable and writable by the app's own user only.</summary>
public static class PrivateFile
{
    /// <summary>A new file, 0600 from the moment it exists (setting the mode afterwards leaves a moment when it is not).</summary>
    public static FileStream CreateNew(string path) => OperatingSystem.IsWindows()
        ? new FileStream(path, FileMode.CreateNew, FileAccess.Write)
        : new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
}
