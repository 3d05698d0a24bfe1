using Doorstep.Data;
using Doorstep.Infrastructure.Jobs;

namespace Doorstep.Features.Listening;

/// <summary>Asks for a chapter's speech: the chapter says it is queued and names the job, in one save with the job.</summary>
public static class ChapterSpeech
{
    public static async Task RequestAsync(DoorstepDb db, JobBoard jobs, StudyChapter chapter, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await jobs.EnqueueAsync(SpeechJob.Kind, SpeechJob.Payload(chapter.Id), cancellationToken);
        chapter.SpeechJobId = job.Id;
        chapter.SpeechState = SpeechState.Queued;
        // An upload wins over the machine: generating again means the person asked for the machine's.
        if (chapter.AudioSource == AudioSource.Uploaded)
        {
            chapter.AudioSource = AudioSource.None;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
