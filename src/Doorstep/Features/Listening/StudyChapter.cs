using Doorstep.Data;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>Where a chapter's audio came from.</summary>
public enum AudioSource
{
    /// <summary>No audio yet: the player reads the text aloud with the phone's own speech engine.</summary>
    None,
    /// <summary>A recording a person uploaded.</summary>
    Uploaded,
    /// <summary>Made on the server from the text (<see cref="ISpeechSynthesizer"/>).</summary>
    Generated,
}

/// <summary>How the server's speech generation of a chapter stands.</summary>
public enum SpeechState
{
    NotRequested,
    Queued,
    Ready,
    Failed,
}

/// <summary>章节: one chapter of a study book, its text, and its audio if it has any.</summary>
public class StudyChapter : IScoped<StudyChapter>
{
    public static ScopeDeclaration<StudyChapter> Scope { get; } = new ScopeDeclaration<StudyChapter>()
        .ReadWrite(ScopeKind.SubDistrict, c => c.SubDistrictId);

    public int Id { get; set; }
    public int BookId { get; set; }
    public StudyBook Book { get; set; } = null!;

    /// <summary>A copy of the book's, so that the scope needs no join.</summary>
    public int SubDistrictId { get; set; }

    /// <summary>1, 2, 3 … in the book.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }
    public required string Text { get; set; }

    /// <summary>The audio in the file store (StoredFile), uploaded or generated.</summary>
    public Guid? AudioFileId { get; set; }

    public int? AudioSeconds { get; set; }
    public AudioSource AudioSource { get; set; }
    public SpeechState SpeechState { get; set; }

    /// <summary>The latest speech job, whose row says how far it got.</summary>
    public long? SpeechJobId { get; set; }

    public const int MaxTextLength = 20_000;

    public static string Label(SpeechState state) => state switch
    {
        SpeechState.NotRequested => "未生成",
        SpeechState.Queued => "正在生成语音",
        SpeechState.Ready => "语音已生成",
        SpeechState.Failed => "语音生成失败",
    };

    public static string Label(AudioSource source) => source switch
    {
        AudioSource.None => "暂无录音（手机朗读文字）",
        AudioSource.Uploaded => "上传的录音",
        AudioSource.Generated => "服务器生成的语音",
    };

    public string OwnerKey => Infrastructure.Files.StoredFile.OwnerOf(nameof(StudyChapter), Id);
}
