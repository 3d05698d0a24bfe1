using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Doorstep.Data;

#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's internal API; see the summary.

/// <summary>
/// EF Core's SQLite connection without the seven SQL functions EF registers on it (regexp, ef_mod,
/// ef_add …, for Regex.IsMatch and decimal arithmetic in queries, which Doorstep does not use).
/// Microsoft.Data.Sqlite registers a connection's functions again on every open, and EF opens the
/// connection for every query: that was about 15 KB and seven native calls per list page.
/// </summary>
internal sealed class SqliteConnectionWithoutEfFunctions(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly int? _commandTimeout = dependencies.ContextOptions.FindExtension<Microsoft.EntityFrameworkCore.Sqlite.Infrastructure.Internal.SqliteOptionsExtension>()?.CommandTimeout;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (_commandTimeout is { } timeout)
        {
            connection.DefaultTimeout = timeout;
        }

        return connection;
    }
}
