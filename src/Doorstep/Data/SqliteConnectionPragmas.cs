using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Doorstep.Data;

/// <summary>
/// The SQLite settings that belong to a connection, not to the file, set whenever EF opens one
/// (docs/adr/0027-sqlite-writes-without-waiting-on-the-disk.md):
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: in WAL mode a commit no longer waits for the disk (about 2 ms on
/// this machine, which capped every write at about 450 a second); the file stays consistent after
/// any crash, and a power cut can lose only the last commits before the next checkpoint.</item>
/// <item><c>busy_timeout</c>: a writer that finds another one writing waits inside SQLite, a
/// millisecond at a time at first, instead of in Microsoft.Data.Sqlite's retry loop, which sleeps
/// 150 ms before every try.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>As long as a command waits for the database (Microsoft.Data.Sqlite's default command timeout).</summary>
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
