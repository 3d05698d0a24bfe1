using System.Globalization;
using Doorstep.Data;
using Doorstep.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members.Import;

/// <summary>
/// A pass over an uploaded roster (its check, or its import) as a background job: it survives a
/// restart, runs on whichever node claims it, as the user who uploaded the roster, and is tried again
/// after an interruption. Payload: "Check:12" or "Commit:12".
/// </summary>
internal sealed class MemberImportJob(MemberImporter importer, DoorstepDb db, TimeProvider clock) : IJobHandler
{
    public const string Kind = "member-import";

    public static string Payload(int importId, ImportPhase phase) => $"{phase}:{importId.ToString(CultureInfo.InvariantCulture)}";

    private static (int ImportId, ImportPhase Phase) Read(string? payload) =>
        payload?.Split(':') is [var phase, var id]
            ? (int.Parse(id, CultureInfo.InvariantCulture), Enum.Parse<ImportPhase>(phase))
            : throw new FormatException($"Not an import job's payload: '{payload}'.");

    public string FailureMessage => "处理没有完成，没有写入任何数据。";

    /// <summary>Runs the pass unless it already ended: an attempt may have finished just before its worker vanished.</summary>
    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var (importId, phase) = Read(run.Payload);
        var running = phase == ImportPhase.Check ? MemberImportStatus.Checking : MemberImportStatus.Importing;
        if (await db.MemberImports.AnyAsync(i => i.Id == importId && i.Status == running, cancellationToken))
        {
            try
            {
                await importer.RunAsync(importId, phase, cancellationToken, run.ReportAsync);
            }
            catch (UnreadableRosterException)
            {
                // Another attempt would read the same bytes: the user hears at once rather than after the retries.
                await GiveUpAsync(run, cancellationToken);
            }
        }
    }

    /// <summary>Every attempt failed: nothing of the import stays, and the user is told what to do.</summary>
    public async Task GiveUpAsync(JobRun run, CancellationToken cancellationToken)
    {
        var (importId, phase) = Read(run.Payload);
        if (phase == ImportPhase.Commit)
        {
            await MemberImporter.RemoveInvisibleFilesAsync(db, importId, cancellationToken);
        }

        await MemberImporter.FailAsync(db, clock, importId, phase == ImportPhase.Commit
            ? "导入没有完成，没有写入任何数据。可能是文件内容有异常，或有人同时在修改这些档案；请稍后重新上传再试。"
            : "文件内容无法读取，可能已损坏或不是党员名册。请用 Excel 重新保存后再上传，或使用导入模板。");
    }
}

/// <summary>
/// Uploaded rosters hold personal data: each is deleted <see cref="MemberImport.KeepFile"/> after its
/// upload, whatever became of it (an imported roster is deleted at once). Hourly, as the system.
/// </summary>
internal sealed class RosterRetentionJob(DoorstepDb db, TimeProvider clock) : IJobHandler
{
    public const string Kind = "member-import-roster-retention";

    public string FailureMessage => "过期名册没有删除，将在下一次自动重试。";

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - MemberImport.KeepFile;
        await db.MemberImportContents
            .Where(c => db.MemberImports.Any(i => i.Id == c.MemberImportId && i.CreatedAt < before))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
