using Doorstep.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Doorstep.Data;

/// <summary>
/// The SQLite file holds every member's file. SQLite creates it, and its -wal and -shm files with the
/// same mode, readable by every user of the machine (0644 under the usual umask); so the app creates
/// it first, readable and writable by its own user only, and narrows files that are already there.
/// </summary>
internal static class SqliteFiles
{
    private const UnixFileMode Shared = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The file a SQLite connection string names, or null for an in-memory database.</summary>
    public static string? PathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    public static void MakePrivate(string connectionString)
    {
        if (OperatingSystem.IsWindows() || PathOf(connectionString) is not { } path)
        {
            return;
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(path))
        {
            CreatePrivate(path);
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & Shared) != 0)
            {
                File.SetUnixFileMode(file, File.GetUnixFileMode(file) & ~Shared);
            }
        }
    }

    /// <summary>An empty file, 0600 from the moment it exists (an empty file is an empty SQLite database).</summary>
    public static void CreatePrivate(string path)
    {
        try
        {
            using var _ = PrivateFile.CreateNew(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node or command created it a moment ago.
        }
    }
}
