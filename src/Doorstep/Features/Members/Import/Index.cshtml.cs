using Doorstep.Data;
using Doorstep.Hosting;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Members.Import;

/// <summary>批量导入: the template, the upload, and the user's recent imports.</summary>
[Authorize(Policy = MembersFeature.EditMembers)]
public class IndexModel(DoorstepDb db, PersonalDataProtector protector, JobBoard jobs, UploadLimit limit, TimeProvider clock) : PageModel
{
    public sealed record RecentImport(int Id, string FileName, DateTime CreatedAt, MemberImportStatus Status);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string? Refusal { get; private set; }
    public IReadOnlyList<RecentImport> Recent { get; private set; } = [];

    public int MaxMegabytes => limit.Megabytes;

    /// <summary>An oversized upload is stopped while it arrives and sent back here (see UploadLimits).</summary>
    public async Task OnGetAsync([FromQuery(Name = UploadLimit.TooLargeQuery)] bool tooLarge)
    {
        if (tooLarge)
        {
            Refusal = RosterUpload.SizeRefusal(limit.Megabytes);
        }

        await ShowAsync();
    }

    public IActionResult OnGetTemplate() =>
        File(RosterTemplate.Create(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RosterTemplate.FileName);

    public async Task<IActionResult> OnPostAsync()
    {
        var (importId, refusal) = await ReceiveAsync();
        if (importId is { } id)
        {
            return RedirectToPage("/Members/Import/Preview", new { id });
        }

        Refusal = refusal;
        await ShowAsync();
        return Page();
    }

    /// <summary>Keeps the file and queues its check, or says why it is refused; never throws at a strange file.</summary>
    private async Task<(int? ImportId, string? Refusal)> ReceiveAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            return (null, "请先选择要上传的表格文件（.xlsx 或 .csv）。");
        }

        // Judged before it is read into memory.
        if (Upload.Length > limit.FileBytes)
        {
            return (null, RosterUpload.SizeRefusal(limit.Megabytes));
        }

        byte[] content;
        await using (var stream = Upload.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await stream.CopyToAsync(buffer);
            content = buffer.ToArray();
        }

        var upload = RosterUpload.Inspect(content);
        if (upload.Refusal is not null)
        {
            return (null, upload.Refusal);
        }

        var fileName = Path.GetFileName(TextNormalizer.Normalize(Upload.FileName));
        var import = MemberImport.Checking(db.CurrentUser, fileName, upload, protector.Encrypt(content), clock.GetUtcNow().UtcDateTime);
        // The roster and the job that checks it exist together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.MemberImports.Add(import);
        await db.SaveChangesAsync();
        var job = await jobs.EnqueueAsync(MemberImportJob.Kind, MemberImportJob.Payload(import.Id, ImportPhase.Check));
        await db.MemberImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.JobId, job.Id));
        await transaction.CommitAsync();
        return (import.Id, null);
    }

    /// <summary>How long an uploaded roster is kept, as the page states it.</summary>
    public static int KeepFileDays => (int)MemberImport.KeepFile.TotalDays;

    private async Task ShowAsync() =>
        Recent = await db.MemberImports.AsNoTracking()
            .Where(i => i.UserId == db.CurrentUser.Id)
            .OrderByDescending(i => i.CreatedAt).Take(5)
            .Select(i => new RecentImport(i.Id, i.FileName, i.CreatedAt, i.Status))
            .ToListAsync();
}
