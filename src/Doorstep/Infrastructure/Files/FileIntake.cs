using System.Security.Cryptography;
using Doorstep.Data;
using NetVips;

namespace Doorstep.Infrastructure.Files;

/// <summary>
/// Takes in an uploaded file: recognises it by its content (never its name or the browser's type),
/// refuses what is not of the expected kind or too large with a Chinese message, re-encodes images
/// without their metadata (a phone photo's EXIF holds where it was taken), and writes the bytes to
/// the store beside a <see cref="StoredFile"/> record that the caller saves with its owner.
/// </summary>
public sealed class FileIntake(IFileStore store, TimeProvider clock)
{
    /// <summary>What each kind accepts as uploaded.</summary>
    public static long MaxBytes(FileKind kind) => kind switch
    {
        FileKind.Photo => 20 * 1024 * 1024,
        FileKind.Signature => 2 * 1024 * 1024,
        FileKind.Audio => 50 * 1024 * 1024,
    };

    /// <summary>A photo's longest side after re-encoding: enough to read a notice on a wall, about 0.5–1 MB.</summary>
    public const int PhotoMaxSide = 2560;

    public sealed record Outcome(StoredFile? File, string? Refusal);

    /// <summary>Reads at most the limit plus one byte, so a larger upload is refused without being held whole.</summary>
    public async Task<Outcome> AcceptAsync(DoorstepDb db, Stream upload, FileKind kind, string owner, CancellationToken cancellationToken)
    {
        var limit = MaxBytes(kind);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return new Outcome(null, $"文件太大：{Label(kind)}不能超过 {limit / (1024 * 1024)} MB。");
            }
        }

        var content = buffer.ToArray();
        if (content.Length == 0)
        {
            return new Outcome(null, "文件是空的，请重新选择。");
        }

        var type = FileContent.Recognise(content);
        if (type is null || !FileContent.Accepted(kind).Contains(type))
        {
            return new Outcome(null, Refusal(kind));
        }

        if (kind is FileKind.Photo or FileKind.Signature)
        {
            try
            {
                (content, type) = kind == FileKind.Photo ? (ReencodePhoto(content), "image/jpeg") : (ReencodeSignature(content), "image/png");
            }
            catch (VipsException)
            {
                return new Outcome(null, "图片已损坏，无法打开。请重新拍照或选择另一张图片。");
            }
        }

        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ContentType = type,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Owner = owner,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.CurrentUser.Id,
        };
        await store.WriteAsync(db, file.Id, content, cancellationToken);
        db.StoredFiles.Add(file);
        return new Outcome(file, null);
    }

    /// <summary>
    /// Turned upright by its orientation tag, scaled down to <see cref="PhotoMaxSide"/>, saved as a
    /// fresh JPEG that keeps no metadata at all: no GPS position, no camera serial, no thumbnail.
    /// </summary>
    public static byte[] ReencodePhoto(byte[] content)
    {
        using var image = Image.ThumbnailBuffer(content, PhotoMaxSide, height: PhotoMaxSide, size: Enums.Size.Down, noRotate: false);
        using var srgb = image.Interpretation == Enums.Interpretation.Srgb ? image.Copy() : image.Colourspace(Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 82, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    public static byte[] ReencodeSignature(byte[] content)
    {
        using var image = Image.NewFromBuffer(content, access: Enums.Access.Sequential);
        return image.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None);
    }

    private static string Label(FileKind kind) => kind switch
    {
        FileKind.Photo => "照片",
        FileKind.Signature => "签名",
        FileKind.Audio => "录音",
    };

    private static string Refusal(FileKind kind) => kind switch
    {
        FileKind.Photo => "这不是照片文件。请选择手机拍摄的照片（JPG、PNG、WebP 或 HEIC 格式）。",
        FileKind.Signature => "这不是签名图片，请重新签名。",
        FileKind.Audio => "这不是录音文件。请选择 MP3、M4A、OGG 或 WAV 格式的录音。",
    };
}

/// <summary>Recognises a file by its first bytes (magic numbers), the only thing about an upload that cannot be renamed.</summary>
public static class FileContent
{
    public static IReadOnlyList<string> Accepted(FileKind kind) => kind switch
    {
        FileKind.Photo => ["image/jpeg", "image/png", "image/webp", "image/heif"],
        FileKind.Signature => ["image/png", "image/jpeg", "image/webp"],
        FileKind.Audio => ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/wav"],
    };

    public static string? Recognise(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (b.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8))
        {
            return b[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : b[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = b[8..12];
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) ? "image/heif"
                : brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("isom"u8) || brand.SequenceEqual("mp42"u8) ? "audio/mp4"
                : null;
        }

        if (b.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        // An ID3 tag, or straight into an MPEG audio frame (sync bits, layer III).
        if (b.StartsWith("ID3"u8) || b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE6) == 0xE2)
        {
            return "audio/mpeg";
        }

        return null;
    }
}
