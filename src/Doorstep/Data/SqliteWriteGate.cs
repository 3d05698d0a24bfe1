using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Doorstep.Data;

/// <summary>
/// SQLite lets one transaction write at a time (each of ours is BEGIN IMMEDIATE). Left to SQLite, a
/// transaction that finds the file locked sleeps 1, 2, 5, 10 … ms and tries again, and the lock often
/// sits free while every waiter sleeps. The app's own transactions queue here instead, one database
/// file at a time, and the next starts the moment the last ends (docs/adr/0036-sqlite-writers-queue-in-the-app.md).
/// Writers outside the app (a command, a backup) still meet SQLite's own wait.
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>One gate per database file: the tests run many apps in one process, each on a file of its own.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>Gates held by a transaction begun and not yet handed to EF's transaction object, by EF's connection id.</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _starting = new();

    /// <summary>Waits for the file's gate, then begins here, so that a BEGIN that fails gives the gate straight back.</summary>
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        if (!gate.Wait(Patience(connection)))
        {
            throw Busy();
        }

        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            _starting[eventData.ConnectionId] = gate;
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        if (!await gate.WaitAsync(Patience(connection), cancellationToken))
        {
            throw Busy();
        }

        try
        {
            var transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken);
            _starting[eventData.ConnectionId] = gate;
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The gate a connection's new transaction holds until it ends; none for a transaction begun elsewhere.</summary>
    private SemaphoreSlim? HandOver(Guid connection) => _starting.TryRemove(connection, out var gate) ? gate : null;

    /// <summary>As long as a command on the connection waits for the database (its Default Timeout; 0 is no limit).</summary>
    private static TimeSpan Patience(DbConnection connection) =>
        ((SqliteConnection)connection).DefaultTimeout is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;

    /// <summary>What SQLite itself says when its wait runs out (SQLITE_BUSY), so that a form keeps its input (BusyDatabaseFilter).</summary>
    private static SqliteException Busy() => new("database is locked: another save has been writing for too long", 5);

    private SemaphoreSlim GateOf(DbConnection connection) => _gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));

    /// <summary>Makes EF's transactions give the gate back when they end, however they end: committed, rolled back or disposed.</summary>
    internal sealed class TransactionFactory(RelationalTransactionFactoryDependencies dependencies) : RelationalTransactionFactory(dependencies)
    {
        public override RelationalTransaction Create(
            IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
            IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
            new GatedTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper, Instance.HandOver(connection.ConnectionId));
    }

    private sealed class GatedTransaction(
        IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned, ISqlGenerationHelper sql, SemaphoreSlim? gate)
        : RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sql)
    {
        private SemaphoreSlim? _gate = gate;

        public override void Commit()
        {
            base.Commit();
            Leave();
        }

        public override async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await base.CommitAsync(cancellationToken);
            Leave();
        }

        public override void Rollback()
        {
            base.Rollback();
            Leave();
        }

        public override async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            await base.RollbackAsync(cancellationToken);
            Leave();
        }

        public override void Dispose()
        {
            base.Dispose();
            Leave();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Leave();
        }

        private void Leave() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
