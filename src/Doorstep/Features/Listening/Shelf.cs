using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// What a card holder's shelf shows: the books of their member's sub-district, each with how far they
/// got. The library is the sub-district's, not the member's, so it is asked for by the card's
/// sub-district past the books' own filter (which knows sub-district users only); progress stays
/// within the card's scope.
/// </summary>
public static class Shelf
{
    public sealed record ChapterLine(int Id, int Number, string Title, int? AudioSeconds, bool HasAudio);

    public sealed record BookLine(int Id, string Title, string? Author, IReadOnlyList<ChapterLine> Chapters, int Completed, int? ResumeChapterId, int ListenedSeconds);

    public static IQueryable<StudyBook> BooksOf(DoorstepDb db, int subDistrictId) =>
        db.StudyBooks.IgnoreQueryFilters().Where(b => b.SubDistrictId == subDistrictId);

    public static IQueryable<StudyChapter> ChaptersOf(DoorstepDb db, int subDistrictId) =>
        db.StudyChapters.IgnoreQueryFilters().Where(c => c.SubDistrictId == subDistrictId);

    public static async Task<IReadOnlyList<BookLine>> ReadAsync(DoorstepDb db, CardAuthentication.Holder holder, CancellationToken cancellationToken)
    {
        var books = await BooksOf(db, holder.SubDistrictId).AsNoTracking().OrderBy(b => b.Position).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Title, b.Author }).ToListAsync(cancellationToken);
        var chapters = await ChaptersOf(db, holder.SubDistrictId).AsNoTracking().OrderBy(c => c.Number)
            .Select(c => new { c.BookId, Line = new ChapterLine(c.Id, c.Number, c.Title, c.AudioSeconds, c.AudioFileId != null) })
            .ToListAsync(cancellationToken);
        var progress = await db.ListeningProgress.AsNoTracking().Where(p => p.MemberId == holder.MemberId)
            .Select(p => new { p.BookId, p.ChapterId, p.UpdatedAt, p.CompletedAt, p.ListenedSeconds })
            .ToListAsync(cancellationToken);
        return books.Select(b =>
        {
            var mine = progress.Where(p => p.BookId == b.Id).ToList();
            var lines = chapters.Where(c => c.BookId == b.Id).Select(c => c.Line).ToList();
            var latest = mine.OrderByDescending(p => p.UpdatedAt).FirstOrDefault();
            // Resume where they last were; when they have just finished that chapter, at the next one.
            int? resume = latest is null ? lines.FirstOrDefault()?.Id
                : !ListeningProgress.JustFinished(latest.CompletedAt, latest.UpdatedAt) ? latest.ChapterId
                : lines.SkipWhile(l => l.Id != latest.ChapterId).Skip(1).FirstOrDefault()?.Id ?? latest.ChapterId;
            return new BookLine(b.Id, b.Title, b.Author, lines, mine.Count(p => p.CompletedAt != null), resume, mine.Sum(p => p.ListenedSeconds));
        }).ToList();
    }
}
