using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Doorstep.Infrastructure.Files;

/// <summary>What a file is for; it decides what content is accepted and how large it may be.</summary>
public enum FileKind
{
    /// <summary>A photo from a phone (a home visit, a problem spot): re-encoded as JPEG without metadata.</summary>
    Photo,
    /// <summary>A signature drawn on a screen: re-encoded as PNG without metadata.</summary>
    Signature,
    /// <summary>Recorded speech (随身听): kept as uploaded, after its content is recognised.</summary>
    Audio,
}

/// <summary>
/// 文件: one stored photo, signature or recording. The record a feature references (a visit's photo,
/// a book's chapter); the bytes live in the configured <see cref="IFileStore"/> under <see cref="Id"/>.
/// <see cref="Owner"/> names the record it belongs to, so that deleting that record deletes the
/// file (DoorstepDb.SaveChangesAsync) and its bytes (ADR 0012).
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }
    public FileKind Kind { get; set; }

    /// <summary>As recognised from the content, never from the name: image/jpeg, image/png, audio/mpeg …</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>SHA-256 of the stored bytes, hex: the HTTP entity tag, and a check on what the store returns.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The owning record as "EntityType:key" (e.g. "HomeVisit:42"); the file goes when it goes.</summary>
    public required string Owner { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public static string OwnerOf(string entityType, object key) =>
        $"{entityType}:{Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The bytes of a file when the database is the store: a table of their own, so that listing files never reads them.</summary>
public class StoredFileContent : IFileBytes
{
    public Guid StoredFileId { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> e)
    {
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Owner).HasMaxLength(150);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.HasIndex(x => x.Owner);
    }
}

internal sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> e)
    {
        e.HasKey(x => x.StoredFileId);
        // The bytes go with their record, in the same statement.
        e.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileContent>(x => x.StoredFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
