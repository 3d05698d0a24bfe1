using Doorstep.Features.Listening;
using Doorstep.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Benchmarks;

public sealed partial class ScaleData
{
    private const int StudyBooksPerSubDistrict = 8;
    private const int ChaptersPerStudyBook = 12;

    /// <summary>Of the files still open, how many in a thousand listen (hold a card and have progress).</summary>
    private const int ListenersPerThousand = 550;

    /// <summary>A listener has heard 1 to this many chapters, in the library's order: about 36 on average.</summary>
    private const int MostChaptersHeard = 71;

    private static readonly string[] StudyBookTitles =
    [
        "中国共产党简史", "中国共产党章程（学习辅导）", "新中国史", "改革开放史", "社会主义发展史", "党的二十大报告学习辅导", "习近平新时代中国特色社会主义思想学习纲要", "中国共产党党员教育管理工作条例",
    ];

    /// <summary>
    /// 随身听 in proportion to issue 12's figures (1,000,000 members, about 20,000,000 progress rows):
    /// each sub-district a library of 8 books of 12 chapters; 55 % of the open files listen, each with a
    /// card and one progress row per chapter heard (1–71 in the library's order, the last one unfinished),
    /// about a third of them this month, and each a summary; 4 % of the others marked as preferring paper or visits. The
    /// progress rows are made as they are written, 50,000 to a transaction. No audit rows: the app audits
    /// a card's issue and a chapter's first save and completion, which nothing measured here reads.
    /// </summary>
    private async Task ListeningAsync(Random random, IReadOnlyList<int> subDistricts, List<Member> members, DateTime now, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var firstBookId = (await db.StudyBooks.IgnoreQueryFilters().MaxAsync(b => (int?)b.Id, cancellationToken) ?? 0) + 1;
        var firstChapterId = (await db.StudyChapters.IgnoreQueryFilters().MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0) + 1;
        var books = new List<StudyBook>();
        var chapters = new List<StudyChapter>();
        var library = new Dictionary<int, List<StudyChapter>>();
        foreach (var subDistrict in subDistricts)
        {
            library[subDistrict] = [];
            for (var b = 0; b < StudyBooksPerSubDistrict; b++)
            {
                var book = new StudyBook { Id = firstBookId + books.Count, SubDistrictId = subDistrict, Title = StudyBookTitles[b], Position = b + 1, CreatedAt = now.AddDays(-400) };
                books.Add(book);
                for (var c = 1; c <= ChaptersPerStudyBook; c++)
                {
                    var chapter = new StudyChapter
                    {
                        Id = firstChapterId + chapters.Count,
                        BookId = book.Id,
                        SubDistrictId = subDistrict,
                        Number = c,
                        Title = $"第{c}章",
                        Text = string.Concat(Enumerable.Repeat($"这是《{book.Title}》第{c}章的朗读文字，为基准测试而写。", 12)),
                    };
                    chapters.Add(chapter);
                    library[subDistrict].Add(chapter);
                }
            }
        }

        await WriteAsync(books, cancellationToken);
        await WriteAsync(chapters, cancellationToken);

        var firstCardId = (await db.ListeningCards.IgnoreQueryFilters().MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0) + 1;
        var firstProgressId = (await db.ListeningProgress.IgnoreQueryFilters().MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0) + 1;
        var firstPreferenceId = (await db.ListeningPreferences.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0) + 1;
        var monthStart = ListeningTime.MonthStartUtc(clock);
        var cards = new List<ListeningCard>();
        var preferences = new List<ListeningPreference>();
        var summaries = new List<ListeningSummary>();
        var progressId = firstProgressId;

        IEnumerable<ListeningProgress> ProgressRows()
        {
            var token = new byte[CardToken.Bytes];
            foreach (var member in members)
            {
                if (member.Status is MemberStatus.Deceased or MemberStatus.TransferredOut)
                {
                    continue;
                }

                if (random.Next(1000) >= ListenersPerThousand)
                {
                    if (random.Next(100) < 4)
                    {
                        preferences.Add(new ListeningPreference
                        {
                            Id = firstPreferenceId + preferences.Count,
                            MemberId = member.Id,
                            SubDistrictId = member.SubDistrictId,
                            Prefers = random.Next(2) == 0 ? StudyPreference.Paper : StudyPreference.Visit,
                            MarkedAt = now.AddDays(-random.Next(1, 300)),
                            MarkedBy = "generated",
                        });
                    }

                    continue;
                }

                // A real card's shape; its token is thrown away, so nobody can open it.
                random.NextBytes(token);
                cards.Add(new ListeningCard
                {
                    Id = firstCardId + cards.Count,
                    MemberId = member.Id,
                    SubDistrictId = member.SubDistrictId,
                    TokenHash = CardToken.Hash(Convert.ToBase64String(token).Replace('+', '-').Replace('/', '_'), protector),
                    IssuedAt = now.AddDays(-random.Next(30, 500)),
                    IssuedBy = "generated",
                });

                // About a third listened this month; the others stopped some time in the last year.
                var last = random.Next(3) == 0
                    ? monthStart.AddSeconds(random.NextDouble() * (now - monthStart).TotalSeconds)
                    : monthStart.AddMinutes(-random.Next(60, 60 * 24 * 330));
                var summary = new ListeningSummary { MemberId = member.Id, SubDistrictId = member.SubDistrictId };
                summaries.Add(summary);
                var shelf = library[member.SubDistrictId];
                var heard = Math.Min(shelf.Count, random.Next(1, MostChaptersHeard + 1));
                for (var i = 0; i < heard; i++)
                {
                    var chapter = shelf[i];
                    var finished = i < heard - 1;
                    // One chapter a day or so, the last one heard most recently.
                    var updated = last.AddHours(-(heard - 1 - i) * random.Next(20, 30));
                    var listened = finished ? random.Next(400, 1200) : random.Next(10, 400);
                    var row = new ListeningProgress
                    {
                        Id = progressId++,
                        MemberId = member.Id,
                        SubDistrictId = member.SubDistrictId,
                        BookId = chapter.BookId,
                        ChapterId = chapter.Id,
                        PositionSeconds = finished ? 0 : listened,
                        ListenedSeconds = listened,
                        Month = ListeningProgress.MonthOf(updated),
                        MonthListenedSeconds = listened,
                        StartedAt = updated.AddSeconds(-listened - random.Next(0, 600)),
                        UpdatedAt = updated,
                        CompletedAt = finished ? updated : null,
                    };
                    summary.Count(row);
                    yield return row;
                }
            }
        }

        await WriteAsync(ProgressRows(), cancellationToken);
        await WriteAsync(cards, cancellationToken);
        await WriteAsync(preferences, cancellationToken);
        await WriteAsync(summaries, cancellationToken);
        Progress(logger, "随身听 progress rows written", (int)(progressId - firstProgressId), started.Elapsed);
    }
}
