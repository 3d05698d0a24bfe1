using Doorstep.Data;
using Doorstep.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.HomeVisits;

/// <summary>What the cadre typed at the door.</summary>
public sealed record VisitReport(
    VisitOutcome Outcome, DateOnly? RevisitOn, IReadOnlyList<string> ItemsDelivered, bool TaughtListening,
    string? StudyNotes, string? Memories, string? Suggestions);

/// <summary>
/// Records a visit on a task once per idempotency key (ADR 0017): the visit, the task's new state, a
/// follow-up for a suggestion and the photo go in one transaction; a key already used answers with
/// the visit it wrote, whether the first send's answer was lost or two sends crossed.
/// </summary>
public sealed class VisitRecording(DoorstepDb db, FileIntake files, TimeProvider clock)
{
    public sealed record Outcome(int? VisitId, bool Duplicate, string? PhotoRefusal);

    public async Task<int?> VisitWithKeyAsync(Guid key, CancellationToken cancellationToken) =>
        await db.Set<HomeVisit>().AsNoTracking().Where(v => v.IdempotencyKey == key).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A send whose key is already stored, whether its first answer was lost or two sends crossed, is
    /// caught by the key's unique index and answered with the stored visit.
    /// </summary>
    public async Task<Outcome> RecordAsync(VisitTask task, Guid key, VisitReport report, Stream? photo, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = new HomeVisit
        {
            IdempotencyKey = key,
            TaskId = task.Id,
            CampaignId = task.CampaignId,
            MemberId = task.MemberId,
            SubDistrictId = task.SubDistrictId,
            AreaId = task.AreaId,
            Outcome = report.Outcome,
            RevisitOn = HomeVisit.AsksForRevisit(report.Outcome) ? report.RevisitOn : null,
            ItemsDelivered = string.Join('\n', report.ItemsDelivered),
            TaughtListening = report.TaughtListening,
            StudyNotes = report.StudyNotes,
            Memories = report.Memories,
            Suggestions = report.Suggestions,
            VisitedAt = now,
            VisitedBy = db.CurrentUser.Name,
        };
        db.Add(visit);
        if (task.Status != VisitTaskStatus.Closed)
        {
            task.Status = HomeVisit.AsksForRevisit(report.Outcome) ? VisitTaskStatus.Revisit : VisitTaskStatus.Done;
            task.RevisitOn = visit.RevisitOn;
        }

        task.LastVisitAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sends with one key crossed: the unique index let one in; answer with its visit.
            if (await OtherSendWonAsync(key, cancellationToken) is { } other)
            {
                return new Outcome(other, Duplicate: true, null);
            }

            throw;
        }

        var followsUp = !string.IsNullOrWhiteSpace(report.Suggestions);
        if (followsUp)
        {
            db.Add(new VisitFollowUp
            {
                VisitId = visit.Id,
                CampaignId = visit.CampaignId,
                MemberId = visit.MemberId,
                SubDistrictId = visit.SubDistrictId,
                AreaId = visit.AreaId,
                Suggestion = report.Suggestions!.Trim(),
                Status = FollowUpStatus.Open,
                CreatedAt = now,
            });
        }

        if (photo is not null)
        {
            var intake = await files.AcceptAsync(db, photo, FileKind.Photo, StoredFile.OwnerOf(nameof(HomeVisit), visit.Id), cancellationToken);
            if (intake.File is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new Outcome(null, Duplicate: false, intake.Refusal);
            }

            visit.PhotoFileId = intake.File.Id;
        }

        if (followsUp || photo is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Outcome(visit.Id, Duplicate: false, null);
    }

    /// <summary>After a failed insert: the visit a concurrent send with the same key wrote, read past this context's state.</summary>
    private async Task<int?> OtherSendWonAsync(Guid key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } open)
        {
            await open.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return await VisitWithKeyAsync(key, cancellationToken);
    }
}
