using Doorstep.Data;
using Doorstep.Features.Listening.Books;
using Doorstep.Hosting;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Files;
using Doorstep.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Chapters;

/// <summary>One chapter: its text, an uploaded recording (checked by content, duration from the file), or speech made on the server.</summary>
[Authorize(Policy = ListeningFeature.ManageLibrary)]
public sealed class EditModel(DoorstepDb db, FileIntake intake, JobBoard jobs, UploadLimit limit) : PageModel
{
    public StudyChapter Chapter { get; private set; } = null!;
    public string? UploadError { get; private set; }
    public string? JobMessage { get; private set; }
    public long MaxMegabytes => Math.Min(FileIntake.MaxBytes(FileKind.Audio) / (1024 * 1024), limit.Megabytes);

    private string TooLarge => $"文件太大：录音不能超过 {MaxMegabytes} MB。请用较低的码率重新导出（朗读用 64 kbit/s 的 MP3 已足够清楚），或分成几段上传。";

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public DetailsModel.ChapterInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = UploadLimit.TooLargeQuery)] bool tooLarge)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new() { Title = Chapter.Title, Text = Chapter.Text };
        if (tooLarge)
        {
            // Sent back by the request-size limit (UploadPage), which refused the body before the page read it.
            UploadError = TooLarge;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Chapter.Title = TextNormalizer.Normalize(Input.Title);
        Chapter.Text = Input.Text.Trim();
        await db.SaveChangesAsync();
        Message = Chapter.AudioSource == AudioSource.Generated ? "文字已保存。生成的语音还是旧文字，请重新生成语音。" : "文字已保存。";
        return RedirectToPage("/Listening/Chapters/Edit", new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new() { Title = Chapter.Title, Text = Chapter.Text };
        if (upload is null || upload.Length == 0)
        {
            UploadError = "请选择录音文件。";
            return Page();
        }

        if (upload.Length > MaxMegabytes * 1024 * 1024)
        {
            UploadError = TooLarge;
            return Page();
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, HttpContext.RequestAborted);
        var content = buffer.ToArray();
        // Recognised by content first, so that the duration is read with the right reader.
        var type = FileContent.Recognise(content);
        var seconds = type is not null && FileContent.Accepted(FileKind.Audio).Contains(type) ? AudioDuration.Read(content, type) : null;
        if (type is null || !FileContent.Accepted(FileKind.Audio).Contains(type))
        {
            UploadError = "这不是录音文件。请选择 MP3、M4A 或 OGG 格式的录音。";
            return Page();
        }

        if (seconds is null)
        {
            UploadError = "这个录音文件读不出时长，可能已损坏。请重新导出后再上传。";
            return Page();
        }

        var accepted = await intake.AcceptAsync(db, new MemoryStream(content), FileKind.Audio, Chapter.OwnerKey, HttpContext.RequestAborted);
        if (accepted.File is null)
        {
            UploadError = accepted.Refusal;
            return Page();
        }

        await SpeechJob.RemoveAudioAsync(db, Chapter, HttpContext.RequestAborted);
        Chapter.AudioFileId = accepted.File.Id;
        Chapter.AudioSeconds = seconds;
        Chapter.AudioSource = AudioSource.Uploaded;
        await db.SaveChangesAsync();
        Message = "录音已上传。";
        return RedirectToPage("/Listening/Chapters/Edit", new { id });
    }

    public async Task<IActionResult> OnPostGenerateAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await ChapterSpeech.RequestAsync(db, jobs, Chapter, HttpContext.RequestAborted);
        Message = Chapter.AudioSource == AudioSource.Uploaded
            ? "已排队生成语音；生成后将替换上传的录音。"
            : "已排队生成语音，通常一分钟内完成，请稍后刷新本页。";
        return RedirectToPage("/Listening/Chapters/Edit", new { id });
    }

    public async Task<IActionResult> OnGetAudioAsync(int id)
    {
        var fileId = await db.StudyChapters.Where(c => c.Id == id).Select(c => c.AudioFileId).FirstOrDefaultAsync();
        var file = fileId is { } f ? await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(s => s.Id == f) : null;
        return file is null ? NotFound() : new StoredFileResult(file);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var chapter = await db.StudyChapters.Include(c => c.Book).FirstOrDefaultAsync(c => c.Id == id);
        if (chapter is null)
        {
            return false;
        }

        Chapter = chapter;
        if (chapter.SpeechJobId is { } job && chapter.SpeechState is SpeechState.Queued or SpeechState.Failed)
        {
            JobMessage = (await jobs.StateAsync(job))?.Message;
        }

        return true;
    }
}
