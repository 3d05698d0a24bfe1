using System.Collections.Concurrent;
using System.Threading.Channels;
using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Members.Import;

public enum ImportPhase { Check, Commit }

/// <summary>Work for the import worker, with the user it is done for (their scope, their name in the audit).</summary>
public sealed record ImportJob(int ImportId, ImportPhase Phase, CurrentUser User);

/// <summary>How far a running import is; Queued while another import runs first.</summary>
public sealed record ImportProgress(ImportPhase Phase, int Percent, int Rows, bool Queued);

/// <summary>
/// Imports run one at a time in the background, in the order they were asked for. The durable state
/// is the MemberImport row; live progress is kept here, in memory, because the import's own
/// transaction holds SQLite's single write lock, so progress could not be written to the database
/// while it runs. Another node sees the status without the percentage.
/// </summary>
public sealed class ImportJobs
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, ImportProgress> _progress = new();

    public ChannelReader<ImportJob> Jobs => _jobs.Reader;

    public void Enqueue(ImportJob job)
    {
        _progress[job.ImportId] = new ImportProgress(job.Phase, 0, 0, Queued: true);
        _jobs.Writer.TryWrite(job);
    }

    /// <summary>Progress of an import queued or running on this node; null when it is not.</summary>
    public ImportProgress? Progress(int importId) => _progress.GetValueOrDefault(importId);

    public void Report(int importId, ImportProgress progress) => _progress[importId] = progress;

    public void Forget(int importId) => _progress.TryRemove(importId, out _);
}

/// <summary>Runs queued imports as the user who asked for them; an unexpected failure writes nothing and says so.</summary>
internal sealed partial class ImportWorker(ImportJobs queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Jobs.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var acting = CurrentUserAccessor.ActAs(job.User);
        try
        {
            queue.Report(job.ImportId, new ImportProgress(job.Phase, 0, 0, Queued: false));
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MemberImporter>().RunAsync(job.ImportId, job.Phase, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailure(logger, e, job.ImportId, job.Phase);
            await MarkFailedAsync(job);
        }
        finally
        {
            queue.Forget(job.ImportId);
        }
    }

    /// <summary>
    /// A fresh context, as the failed one may hold a broken transaction. If even this fails (the
    /// database is down) the import stays "running" until it counts as interrupted; the worker goes on.
    /// </summary>
    private async Task MarkFailedAsync(ImportJob job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await MemberImporter.FailAsync(scope.ServiceProvider.GetRequiredService<DoorstepDb>(), clock, job.ImportId, job.Phase == ImportPhase.Commit
                ? "导入没有完成，没有写入任何数据。可能是文件内容有异常，或有人同时在修改这些档案；请稍后重新上传再试。"
                : "文件内容无法读取，可能已损坏或不是党员名册。请用 Excel 重新保存后再上传，或使用导入模板。");
        }
        catch (Exception e)
        {
            LogFailure(logger, e, job.ImportId, job.Phase);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Member import {ImportId} {Phase} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, int importId, ImportPhase phase);
}
