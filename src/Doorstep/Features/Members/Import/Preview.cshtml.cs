using Doorstep.Data;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members.Import;

/// <summary>
/// One import: its progress while checked or written, then the problems row by row or the changes
/// old → new, and the button that imports it. Only the user who uploaded it sees it.
/// </summary>
[Authorize(Policy = MembersFeature.EditMembers)]
public class PreviewModel(DoorstepDb db, JobBoard jobs, TimeProvider clock) : PageModel
{
    public sealed record ImportState(
        int Id, string FileName, MemberImportStatus Status, string? Message, DateTime StartedAt, bool HasFile, string? Report,
        int RowCount, int NewCount, int UpdateCount, int ErrorCount, long? JobId);

    /// <summary>What the page polls while a pass runs.</summary>
    public sealed record ProgressResponse(string Status, bool Finished, int? Percent, string Text);

    public ImportState Import { get; private set; } = null!;
    public ImportReport Report { get; private set; } = ImportReport.Empty;
    /// <summary>The current pass's job, read from its row: the same on every node.</summary>
    public JobState? Progress { get; private set; }

    /// <summary>The job gave up but could not record it on the import (the database was down then): its message stands.</summary>
    public bool JobFailed => Progress is { Status: JobStatus.Failed } && Import.Status is MemberImportStatus.Checking or MemberImportStatus.Importing;

    public bool Running => Import.Status is MemberImportStatus.Checking or MemberImportStatus.Importing && !JobFailed;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Report = ImportReport.Read(Import.Report);
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return new JsonResult(new ProgressResponse(Import.Status.ToString(), !Running, Progress?.Percent, ProgressText));
    }

    /// <summary>Confirms the import. It runs on the stored file, checked again, never on what the page showed.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var started = await db.MemberImports
            .Where(i => i.Id == id && i.UserId == db.CurrentUser.Id && i.Status == MemberImportStatus.Ready && i.Content != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, MemberImportStatus.Importing).SetProperty(i => i.StartedAt, now));
        // Only one confirmation starts the import; a second click, or a stale page, just shows where it stands.
        if (started == 1)
        {
            var job = await jobs.EnqueueAsync(MemberImportJob.Kind, MemberImportJob.Payload(id, ImportPhase.Commit));
            await db.MemberImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.JobId, job.Id));
        }

        await transaction.CommitAsync();
        return RedirectToPage("/Members/Import/Preview", new { id });
    }

    /// <summary>
    /// Where the import stands, in one sentence, read from the job's row (the same on every node);
    /// once a pass is over the sentence is its outcome, never a count of rows "being checked".
    /// </summary>
    public string ProgressText => JobFailed ? Progress?.Message ?? "导入没有完成，没有写入任何数据。" : Import.Status switch
    {
        MemberImportStatus.Checking or MemberImportStatus.Importing when Progress is { Status: JobStatus.Queued, Attempts: > 0 } => "上次处理被中断，稍后自动重试……",
        MemberImportStatus.Checking or MemberImportStatus.Importing when Progress is { Status: JobStatus.Queued } => "正在等待其他导入完成……",
        MemberImportStatus.Checking => $"正在检查……已检查 {Progress?.Processed ?? 0} 行",
        MemberImportStatus.Importing => $"正在导入……已处理 {Progress?.Processed ?? 0} 行",
        MemberImportStatus.HasErrors => $"发现 {Import.ErrorCount} 处问题，本次没有导入任何数据。",
        MemberImportStatus.Ready => $"检查通过：共 {Import.RowCount} 行，将新建 {Import.NewCount} 份档案，更新 {Import.UpdateCount} 份。",
        MemberImportStatus.Imported => $"导入完成：新建 {Import.NewCount} 份档案，更新 {Import.UpdateCount} 份档案。",
        MemberImportStatus.Failed => Import.Message ?? "导入没有完成，没有写入任何数据。",
    };

    private async Task<bool> LoadAsync(int id)
    {
        var import = await db.MemberImports.AsNoTracking()
            .Where(i => i.Id == id && i.UserId == db.CurrentUser.Id)
            .Select(i => new ImportState(i.Id, i.FileName, i.Status, i.Message, i.StartedAt, i.Content != null, i.Report, i.RowCount, i.NewCount, i.UpdateCount, i.ErrorCount, i.JobId))
            .FirstOrDefaultAsync();
        if (import is null)
        {
            return false;
        }

        Import = import;
        Progress = import.JobId is { } jobId ? await jobs.StateAsync(jobId) : null;
        return true;
    }
}
