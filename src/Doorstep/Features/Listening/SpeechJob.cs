using Doorstep.Data;
using Doorstep.Infrastructure.Files;
using Doorstep.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// Makes a chapter's audio from its text on the server (ISpeechSynthesizer), as the user who asked.
/// Safe to run twice: it replaces whatever generated audio the chapter has, and leaves an uploaded
/// recording alone (a person's reading wins over the machine's).
/// </summary>
public sealed class SpeechJob(DoorstepDb db, ISpeechSynthesizer speech, FileIntake intake) : IJobHandler
{
    public const string Kind = "listening-speech";

    public string FailureMessage => "语音生成失败，请稍后重新生成，或上传录音。";

    public static string Payload(int chapterId) => chapterId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var chapter = await db.StudyChapters.FirstOrDefaultAsync(c => c.Id == int.Parse(run.Payload!, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        if (chapter is null || chapter.AudioSource == AudioSource.Uploaded || chapter.SpeechJobId != run.Id)
        {
            // Deleted, recorded by a person meanwhile, or a newer request took over.
            return;
        }

        var mp3 = await speech.SynthesizeAsync($"{chapter.Title}。{chapter.Text}", cancellationToken);
        await run.ReportAsync(60, 0);
        var seconds = AudioDuration.Read(mp3, "audio/mpeg") ?? throw new SpeechException("生成的语音无法读取时长。");
        var accepted = await intake.AcceptAsync(db, new MemoryStream(mp3), FileKind.Audio, chapter.OwnerKey, cancellationToken);
        var file = accepted.File ?? throw new SpeechException(accepted.Refusal ?? "生成的语音未被接受。");
        await RemoveAudioAsync(db, chapter, cancellationToken);
        chapter.AudioFileId = file.Id;
        chapter.AudioSeconds = seconds;
        chapter.AudioSource = AudioSource.Generated;
        chapter.SpeechState = SpeechState.Ready;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task GiveUpAsync(JobRun run, CancellationToken cancellationToken)
    {
        var id = int.Parse(run.Payload!, System.Globalization.CultureInfo.InvariantCulture);
        var chapter = await db.StudyChapters.FirstOrDefaultAsync(c => c.Id == id && c.SpeechJobId == run.Id, cancellationToken);
        if (chapter is not null)
        {
            chapter.SpeechState = SpeechState.Failed;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Deletes the chapter's current audio file record (its bytes go with it, ADR 0012).</summary>
    public static async Task RemoveAudioAsync(DoorstepDb db, StudyChapter chapter, CancellationToken cancellationToken)
    {
        if (chapter.AudioFileId is { } old && await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == old, cancellationToken) is { } file)
        {
            db.StoredFiles.Remove(file);
        }

        chapter.AudioFileId = null;
        chapter.AudioSeconds = null;
        chapter.AudioSource = AudioSource.None;
    }
}
