using Doorstep.Data;
using Doorstep.Data.Demo;
using Doorstep.Infrastructure;
using Doorstep.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// The demo's shelf: required books with a few short chapters written for the demo (not the books'
/// own text), their speech queued as jobs (never made inline: every test fixture seeds the demo),
/// cards for twelve members of 张桥 who were visited, and some listening this month and before.
/// </summary>
public sealed class ListeningDemo(DoorstepDb db, JobBoard jobs, PersonalDataProtector protector, TimeProvider clock) : IFeatureDemo
{
    public int Order => 55;

    private static readonly (string Title, string? Author, (string Title, string Text)[] Chapters)[] Books =
    [
        ("中国共产党简史", "本书编写组", [
            ("开天辟地", "一九二一年夏天，十几位代表在上海开会，后来转到嘉兴南湖的一条船上，中国共产党就这样诞生了。那时党员只有五十多人。从那天起，中国的命运开始改变。"),
            ("星火燎原", "大革命失败以后，党在农村建立根据地，走出一条农村包围城市的道路。红军经过长征，保存了革命的力量。"),
            ("站起来了", "一九四九年十月一日，中华人民共和国成立。人民翻身做了主人，新中国开始了建设的新篇章。"),
        ]),
        ("中国共产党章程（学习辅导）", "街道党工委", [
            ("党员的义务", "党员要认真学习，密切联系群众，在工作和生活中起带头作用。年纪大了，也可以用自己的经历讲好身边的故事。"),
            ("党员的权利", "党员可以参加党的有关会议，阅读党的有关文件，在党的会议上提出意见和建议。有困难，可以向组织反映。"),
        ]),
        ("身边的好党员", "嘉兴路街道", [
            ("楼道里的老支书", "老支书退休以后，每天在楼道里转一转，看看独居的邻居是不是安好。谁家有事，他总是第一个到。"),
        ]),
    ];

    public async Task SeedAsync(DemoSubDistrict demo)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var chapters = new List<StudyChapter>();
        for (var i = 0; i < Books.Length; i++)
        {
            var (title, author, parts) = Books[i];
            var book = new StudyBook { SubDistrictId = demo.SubDistrict.Id, Title = title, Author = author, Position = i + 1, CreatedAt = now };
            db.StudyBooks.Add(book);
            for (var n = 0; n < parts.Length; n++)
            {
                var chapter = new StudyChapter { Book = book, SubDistrictId = demo.SubDistrict.Id, Number = n + 1, Title = parts[n].Title, Text = parts[n].Text };
                book.Chapters.Add(chapter);
                chapters.Add(chapter);
            }
        }

        await db.SaveChangesAsync();
        foreach (var chapter in chapters)
        {
            await ChapterSpeech.RequestAsync(db, jobs, chapter, CancellationToken.None);
        }

        // Twelve visited members of 张桥 hold cards; some listened this month, some earlier.
        var area = demo.AreasByName["张桥"].Id;
        var members = await db.Members.Where(m => m.OrgUnitAreaId == area).OrderBy(m => m.Id).Take(12).ToListAsync();
        var first = chapters[0];
        foreach (var (member, index) in members.Select((m, i) => (m, i)))
        {
            db.ListeningCards.Add(new ListeningCard
            {
                Member = member,
                MemberId = member.Id,
                SubDistrictId = member.SubDistrictId,
                TokenHash = CardToken.Hash(CardToken.New(), protector),
                IssuedAt = now.AddDays(-20),
                IssuedBy = "张桥居民区干部",
            });
            if (index % 3 == 2)
            {
                continue;
            }

            var when = index % 3 == 0 ? now.AddDays(-demo.Random.Next(0, 3)) : now.AddDays(-40);
            var summary = new ListeningSummary { MemberId = member.Id, SubDistrictId = member.SubDistrictId };
            for (var c = 0; c < 1 + index % 3; c++)
            {
                var chapter = chapters[c];
                var listened = 60 + demo.Random.Next(0, 240);
                var row = new ListeningProgress
                {
                    MemberId = member.Id,
                    SubDistrictId = member.SubDistrictId,
                    BookId = first.BookId,
                    ChapterId = chapter.Id,
                    PositionSeconds = 20,
                    ListenedSeconds = listened,
                    Month = ListeningProgress.MonthOf(when),
                    MonthListenedSeconds = listened,
                    StartedAt = when.AddMinutes(-10),
                    UpdatedAt = when,
                    CompletedAt = c < index % 3 ? when : null,
                };
                db.ListeningProgress.Add(row);
                summary.Count(row);
            }

            db.ListeningSummaries.Add(summary);
        }

        await db.SaveChangesAsync();
    }
}
