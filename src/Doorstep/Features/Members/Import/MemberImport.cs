using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Features.Members.Import;

public enum MemberImportStatus
{
    /// <summary>Uploaded; being checked (or waiting for another import to finish).</summary>
    Checking,
    /// <summary>Checked, with problems: nothing can be imported until the file is fixed.</summary>
    HasErrors,
    /// <summary>Checked without problems: the preview awaits confirmation.</summary>
    Ready,
    Importing,
    Imported,
    /// <summary>The file could not be read at all, or the work was interrupted.</summary>
    Failed,
}

/// <summary>
/// 批量导入: one uploaded roster, from upload through preview to import. The file is kept encrypted
/// in the database (<see cref="MemberImportContent"/>, so that any node can import it) until it is
/// imported or <see cref="KeepFile"/> has passed; the preview is kept as JSON (<see cref="ImportReport"/>).
/// Status changes are written with ExecuteUpdate, outside the audit: the audit records the upload and
/// every member written.
/// </summary>
public class MemberImport
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    public RosterFormat Format { get; set; }

    /// <summary>The encoding of a CSV file, by web name (utf-8, gb18030).</summary>
    public string? TextEncoding { get; set; }

    /// <summary>The uploaded file; gone once imported or expired.</summary>
    public MemberImportContent? Content { get; set; }

    public MemberImportStatus Status { get; set; }
    public int RowCount { get; set; }
    public int NewCount { get; set; }
    public int UpdateCount { get; set; }
    public int ErrorCount { get; set; }

    /// <summary>JSON of <see cref="ImportReport"/>: problems, changes and new files, each list capped.</summary>
    public string? Report { get; set; }

    /// <summary>Why the import failed, in Chinese, when the file could not be read at all.</summary>
    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the current pass (check or import) was asked for.</summary>
    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The background job of the current pass: its row holds the progress every node reads.</summary>
    public long? JobId { get; set; }

    /// <summary>A roster just uploaded by <paramref name="user"/>, kept encrypted, waiting for its check.</summary>
    public static MemberImport Checking(CurrentUser user, string fileName, RosterUpload upload, byte[] contentCipher, DateTime now) => new()
    {
        UserId = user.Id!,
        UserName = user.Name,
        FileName = fileName.Length > 200 ? fileName[..200] : fileName,
        Format = upload.Format,
        TextEncoding = upload.EncodingName,
        Content = new MemberImportContent { Cipher = contentCipher },
        Status = MemberImportStatus.Checking,
        CreatedAt = now,
        StartedAt = now,
    };

    /// <summary>An uploaded roster is kept this long for its preview and import, then deleted (RosterRetentionJob); the import page says so.</summary>
    public static readonly TimeSpan KeepFile = TimeSpan.FromDays(7);

    public static string Label(MemberImportStatus status) => status switch
    {
        MemberImportStatus.Checking => "正在检查",
        MemberImportStatus.HasErrors => "有问题，未导入",
        MemberImportStatus.Ready => "检查通过，待确认导入",
        MemberImportStatus.Importing => "正在导入",
        MemberImportStatus.Imported => "已导入",
        MemberImportStatus.Failed => "未完成",
    };
}

/// <summary>
/// An uploaded roster's bytes, encrypted like ID numbers, in a row of their own. In SQLite a column
/// stored after a large value is reached only by walking that value's overflow pages, and an UPDATE
/// rewrites the whole row: with the file in the import's row, every look at an import's status read
/// the whole file (31 ms for an 18 MB roster, once a second per open preview page) and every status
/// change wrote it again.
/// </summary>
public class MemberImportContent : IFileBytes
{
    public int MemberImportId { get; set; }
    public required byte[] Cipher { get; set; }
}

internal sealed class MemberImportConfiguration : IEntityTypeConfiguration<MemberImport>
{
    public void Configure(EntityTypeBuilder<MemberImport> e)
    {
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.TextEncoding).HasMaxLength(20);
        e.Property(x => x.Message).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.HasOne(x => x.Content).WithOne().HasForeignKey<MemberImportContent>(x => x.MemberImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberImportContentConfiguration : IEntityTypeConfiguration<MemberImportContent>
{
    public void Configure(EntityTypeBuilder<MemberImportContent> e) => e.HasKey(x => x.MemberImportId);
}
