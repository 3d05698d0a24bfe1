using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>On the member file: when they first listened to each book, each chapter heard to the end, and cards issued or revoked.</summary>
public sealed class ListeningTimeline(DoorstepDb db) : IMemberTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> ForAsync(Member member)
    {
        var events = new List<TimelineEvent>();
        await foreach (var r in Chapters.For(db)(db, member.Id))
        {
            events.Add(new(r.StartedAt, "随身听", $"开始收听《{r.Book}》第{r.Number}章 {r.Title}", []));
            if (r.CompletedAt is { } completed)
            {
                events.Add(new(completed, "随身听", $"听完《{r.Book}》第{r.Number}章 {r.Title}（共收听 {ListeningTime.Minutes(r.ListenedSeconds)}）", []));
            }
        }

        await foreach (var c in Cards.For(db)(db, member.Id))
        {
            events.Add(new(c.IssuedAt, c.IssuedBy ?? "", "发放随身听卡", []));
            if (c.RevokedAt is { } revoked)
            {
                events.Add(new(revoked, c.RevokedBy ?? "", "随身听卡作废", []));
            }
        }

        return events;
    }

    // Compiled, as every timeline source's queries (see MemberTimeline). The member was loaded in
    // scope by the caller; the library is the member's sub-district's.
    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<ChapterHeard>>> Chapters = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Set<ListeningProgress>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.MemberId == memberId)
            .Join(db.Set<StudyChapter>().IgnoreQueryFilters(), p => p.ChapterId, c => c.Id, (p, c) => new ChapterHeard(p.StartedAt, p.CompletedAt, p.ListenedSeconds, c.Number, c.Title, c.Book.Title))));

    private static readonly CompiledPerModel<Func<DoorstepDb, int, IAsyncEnumerable<CardIssued>>> Cards = new(() => EF.CompileAsyncQuery((DoorstepDb db, int memberId) =>
        db.Set<ListeningCard>().IgnoreQueryFilters().AsNoTracking().Where(c => c.MemberId == memberId)
            .Select(c => new CardIssued(c.IssuedAt, c.IssuedBy, c.RevokedAt, c.RevokedBy))));

    private sealed record ChapterHeard(DateTime StartedAt, DateTime? CompletedAt, int ListenedSeconds, int Number, string Title, string Book);

    private sealed record CardIssued(DateTime IssuedAt, string? IssuedBy, DateTime? RevokedAt, string? RevokedBy);
}

/// <summary>How listening time reads on screens.</summary>
public static class ListeningTime
{
    public static string Minutes(int seconds) => seconds < 60 ? $"{seconds} 秒" : $"{seconds / 60} 分钟";

    /// <summary>The first moment of the current month in China, as UTC, for "this month".</summary>
    public static DateTime MonthStartUtc(TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        return DateTime.SpecifyKind(new DateTime(today.Year, today.Month, 1, 0, 0, 0), DateTimeKind.Utc) - ChinaTime.Offset;
    }
}
