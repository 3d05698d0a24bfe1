using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>How the audit page shows a study book: by its title.</summary>
public sealed class StudyBookAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(StudyBook);
    public override string Label => "随身听书目";
    public override int Order => 55;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(StudyBook.SubDistrictId)] = "街道",
        [nameof(StudyBook.Title)] = "书名",
        [nameof(StudyBook.Author)] = "作者",
        [nameof(StudyBook.Position)] = "排列顺序",
        [nameof(StudyBook.CreatedAt)] = "添加时间",
    };

    public override string? ReferenceOf(string field) => field == nameof(StudyBook.SubDistrictId) ? "SubDistrict" : null;

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.StudyBooks.AsNoTracking().Where(b => numbers.Contains(b.Id)).ToDictionaryAsync(b => Key(b.Id), b => $"《{b.Title}》");
    }
}

/// <summary>A chapter: by its book and number; its audio's source and generation in words.</summary>
public sealed class StudyChapterAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(StudyChapter);
    public override string Label => "随身听章节";
    public override int Order => 56;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(StudyChapter.BookId)] = "书目",
        [nameof(StudyChapter.SubDistrictId)] = null,
        [nameof(StudyChapter.Number)] = "章节序号",
        [nameof(StudyChapter.Title)] = "章节标题",
        [nameof(StudyChapter.Text)] = "文字",
        [nameof(StudyChapter.AudioFileId)] = "录音文件",
        [nameof(StudyChapter.AudioSeconds)] = "录音时长（秒）",
        [nameof(StudyChapter.AudioSource)] = "录音来源",
        [nameof(StudyChapter.SpeechState)] = "语音生成",
        [nameof(StudyChapter.SpeechJobId)] = null,
    };

    public override string? ReferenceOf(string field) => field == nameof(StudyChapter.BookId) ? nameof(StudyBook) : null;

    public override string? Show(string field, string value) => field switch
    {
        nameof(StudyChapter.AudioSource) when Enum.TryParse<AudioSource>(value, out var source) => StudyChapter.Label(source),
        nameof(StudyChapter.SpeechState) when Enum.TryParse<SpeechState>(value, out var state) => StudyChapter.Label(state),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.StudyChapters.AsNoTracking().Where(c => numbers.Contains(c.Id))
            .Select(c => new { c.Id, Book = c.Book.Title, c.Number, c.Title })
            .ToDictionaryAsync(c => Key(c.Id), c => $"《{c.Book}》第{c.Number}章 {c.Title}");
    }
}

/// <summary>A card: by its member; the token's hash is never shown.</summary>
public sealed class ListeningCardAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(ListeningCard);
    public override string Label => "随身听卡";
    public override int Order => 57;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ListeningCard.MemberId)] = "党员",
        [nameof(ListeningCard.SubDistrictId)] = null,
        [nameof(ListeningCard.TokenHash)] = "卡片密钥",
        [nameof(ListeningCard.IssuedAt)] = "发卡时间",
        [nameof(ListeningCard.IssuedBy)] = "发卡人",
        [nameof(ListeningCard.RevokedAt)] = "作废时间",
        [nameof(ListeningCard.RevokedBy)] = "作废人",
    };

    public override string? ReferenceOf(string field) => field == nameof(ListeningCard.MemberId) ? nameof(Member) : null;

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.ListeningCards.AsNoTracking().Where(c => numbers.Contains(c.Id)).Select(c => new { c.Id, c.Member.Name })
            .ToDictionaryAsync(c => Key(c.Id), c => $"{c.Name}的随身听卡");
    }
}

/// <summary>
/// Progress: its first save (收听开始) and its completion are audited; the position ticks in between
/// are written past the change tracker and are not (ADR 0018).
/// </summary>
public sealed class ListeningProgressAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(ListeningProgress);
    public override string Label => "随身听收听记录";
    public override int Order => 58;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ListeningProgress.MemberId)] = "党员",
        [nameof(ListeningProgress.SubDistrictId)] = null,
        [nameof(ListeningProgress.BookId)] = "书目",
        [nameof(ListeningProgress.ChapterId)] = "章节",
        [nameof(ListeningProgress.PositionSeconds)] = "收听位置（秒）",
        [nameof(ListeningProgress.ListenedSeconds)] = "收听时长（秒）",
        [nameof(ListeningProgress.Month)] = "收听月份",
        [nameof(ListeningProgress.MonthListenedSeconds)] = "当月收听时长（秒）",
        [nameof(ListeningProgress.StartedAt)] = "开始收听",
        [nameof(ListeningProgress.UpdatedAt)] = "最近收听",
        [nameof(ListeningProgress.CompletedAt)] = "听完时间",
    };

    public override string? ReferenceOf(string field) => field switch
    {
        nameof(ListeningProgress.MemberId) => nameof(Member),
        nameof(ListeningProgress.BookId) => nameof(StudyBook),
        nameof(ListeningProgress.ChapterId) => nameof(StudyChapter),
        _ => null,
    };

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids).Select(i => (long)i).ToList();
        return await db.ListeningProgress.AsNoTracking().Where(p => numbers.Contains(p.Id)).Select(p => new { p.Id, p.Member.Name })
            .ToDictionaryAsync(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p => $"{p.Name}的收听记录");
    }
}

public sealed class ListeningPreferenceAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(ListeningPreference);
    public override string Label => "学习方式偏好";
    public override int Order => 59;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(ListeningPreference.MemberId)] = "党员",
        [nameof(ListeningPreference.SubDistrictId)] = null,
        [nameof(ListeningPreference.Prefers)] = "偏好",
        [nameof(ListeningPreference.MarkedAt)] = "标记时间",
        [nameof(ListeningPreference.MarkedBy)] = "标记人",
    };

    public override string? ReferenceOf(string field) => field == nameof(ListeningPreference.MemberId) ? nameof(Member) : null;

    public override string? Show(string field, string value) =>
        field == nameof(ListeningPreference.Prefers) && Enum.TryParse<StudyPreference>(value, out var p) ? ListeningPreference.Label(p) : null;

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var numbers = NumericIds(ids);
        return await db.ListeningPreferences.AsNoTracking().Where(p => numbers.Contains(p.Id)).Select(p => new { p.Id, p.Member.Name })
            .ToDictionaryAsync(p => Key(p.Id), p => p.Name);
    }
}
