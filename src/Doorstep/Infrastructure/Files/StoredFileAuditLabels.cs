using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Infrastructure.Files;

/// <summary>How the audit page shows a stored file (a recording, a photo): by its kind and owner.</summary>
public sealed class StoredFileAuditLabels(DoorstepDb db) : AuditSubject
{
    public override string EntityType => nameof(StoredFile);
    public override string Label => "文件";
    public override int Order => 95;

    public override IReadOnlyDictionary<string, string?> Fields { get; } = new Dictionary<string, string?>
    {
        [nameof(StoredFile.Kind)] = "类型",
        [nameof(StoredFile.ContentType)] = "格式",
        [nameof(StoredFile.Length)] = "大小（字节）",
        [nameof(StoredFile.Sha256)] = null,
        [nameof(StoredFile.Owner)] = "所属记录",
        [nameof(StoredFile.CreatedAt)] = "上传时间",
        [nameof(StoredFile.CreatedBy)] = null,
    };

    public override string? Show(string field, string value) => field == nameof(StoredFile.Kind) && Enum.TryParse<FileKind>(value, out var kind)
        ? kind switch { FileKind.Photo => "照片", FileKind.Signature => "签名", FileKind.Audio => "录音" }
        : null;

    public override async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids)
    {
        var guids = ids.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        return await db.StoredFiles.AsNoTracking().Where(f => guids.Contains(f.Id)).Select(f => new { f.Id, f.Owner, f.ContentType })
            .ToDictionaryAsync(f => f.Id.ToString(), f => $"{f.Owner}（{f.ContentType}）");
    }
}
