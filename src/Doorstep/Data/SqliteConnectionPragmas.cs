using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// Microsoft.Data.Sqlite pools its connections and a pooled one keeps its settings, so each one is
/// set once, the first time EF opens it: EF opens a connection for every query and save, and running
/// the pragmas each time cost a statement's parsing and a round through SQLite per open.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>As long as a command waits for the database (Microsoft.Data.Sqlite's default command timeout).</summary>
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>The native connections already set, forgotten with them when the pool closes them.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, SQLitePCL.sqlite3> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NotYetSet(connection) is { } handle)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NotYetSet(connection) is { } handle)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(handle);
        }
    }

    /// <summary>The native connection to set and then remember, or null when it has its settings already.</summary>
    private SQLitePCL.sqlite3? NotYetSet(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        return _set.TryGetValue(handle, out _) ? null : handle;
    }

    private void Remember(SQLitePCL.sqlite3 handle) => _set.AddOrUpdate(handle, handle);
}
