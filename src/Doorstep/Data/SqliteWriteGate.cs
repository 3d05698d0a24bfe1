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
/// A write sent on its own, outside a transaction (a 随身听 tick, an ExecuteUpdate, a job's claim), queues
/// at the same gate: left to poll SQLite's lock behind a steady queue of transactions, it waited seconds.
/// Writers outside the app (a command, a backup) still meet SQLite's own wait.
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbCommandInterceptor
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

    /// <summary>Gates held by a write sent outside a transaction until it has run (its reader disposed), by EF's command id.</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _writing = new();

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveWrite(eventData.CommandId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveWrite(eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveWrite(eventData.CommandId);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveWrite(eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    /// <summary>A write that returns rows (INSERT … RETURNING) holds SQLite's lock until its reader is done with.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveWrite(eventData.CommandId);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveWrite(eventData.CommandId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveWrite(eventData.CommandId);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveWrite(eventData.CommandId);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveWrite(eventData.CommandId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// How long a write sent alone queues before it goes to SQLite's own wait, as it did before it
    /// queued here: 200 such writes behind six busy writers queued 149 ms at the most, and a write that
    /// its own request's open transaction holds back (on another connection) must not wait out the
    /// 30 s of a connection's patience when SQLite would have answered it sooner.
    /// </summary>
    private static readonly TimeSpan LoneWritePatience = TimeSpan.FromSeconds(5);

    private void EnterWrite(DbCommand command, CommandEventData eventData)
    {
        if (!IsWriteSentAlone(command))
        {
            return;
        }

        var gate = GateOf(command.Connection!);
        if (gate.Wait(LoneWritePatience))
        {
            _writing[eventData.CommandId] = gate;
        }
    }

    private async ValueTask EnterWriteAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (!IsWriteSentAlone(command))
        {
            return;
        }

        var gate = GateOf(command.Connection!);
        if (await gate.WaitAsync(LoneWritePatience, cancellationToken))
        {
            _writing[eventData.CommandId] = gate;
        }
    }

    private void LeaveWrite(Guid command)
    {
        if (_writing.TryRemove(command, out var gate))
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A write outside a transaction. Reads never queue (WAL lets them run beside the writer), nor does
    /// anything that is not plainly a write (DDL at start-up, PRAGMAs): a long query held at the gate
    /// would stop every writer.
    /// </summary>
    private static bool IsWriteSentAlone(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        while (text.StartsWith("--"))
        {
            // A query tag (TagWith) comes first, a line of its own.
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
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
