using System.IO.Compression;
using System.Text;

namespace Doorstep.Features.Members.Import;

/// <summary>What an uploaded file turned out to be, or why it is refused (in words for the person who sent it).</summary>
public sealed record RosterUpload(RosterFormat Format, Encoding? Encoding, string? Refusal)
{
    /// <summary>An .xlsx is a zip; what it unpacks to is bounded before MiniExcel opens it.</summary>
    public const long MaxUnpackedBytes = 200 * 1024 * 1024;
    public const int MaxCompressionRatio = 100;
    public const int MaxZipEntries = 1000;

    /// <summary>What the import page says of a file over the upload limit (Doorstep:MaxUploadMegabytes).</summary>
    public static string SizeRefusal(int megabytes) => $"文件超过 {megabytes} MB，请分成几个较小的文件分别导入。";

    private const string NotASpreadsheet = "这不是 Excel 表格（.xlsx）或 CSV 文件，请在 Excel 或 WPS 中“另存为”.xlsx 后再上传。";

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The compound-file header of .xls and of password-protected .xlsx.</summary>
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Many Chinese Excel installations save CSV as GBK; GB18030 reads GBK and more.</summary>
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The encoding a CSV was found to use, by the name stored with the import.</summary>
    public static Encoding? EncodingNamed(string? name) => name switch
    {
        null => null,
        "gb18030" => Gb18030.Value,
        _ => StrictUtf8,
    };

    public string? EncodingName => Encoding is null ? null : ReferenceEquals(Encoding, StrictUtf8) ? "utf-8" : "gb18030";

    private static RosterUpload Refused(string why) => new(RosterFormat.Csv, null, why);

    /// <summary>
    /// Judges the file by its content, never by its name: the magic bytes, the zip's directory, the
    /// text's encoding. Its size was judged before (the upload limit).
    /// </summary>
    public static RosterUpload Inspect(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return Refused("文件是空的，请检查后重新选择。");
        }

        if (content.StartsWith(ZipMagic))
        {
            return InspectZip(content.ToArray());
        }

        if (content.StartsWith(OleMagic))
        {
            return Refused("这是旧版 Excel 文件（.xls）或加了密码的表格，请在 Excel 中“另存为”.xlsx（不设密码）后再上传。");
        }

        return InspectText(content);
    }

    private static RosterUpload InspectZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return Refused("文件结构异常（压缩包内文件过多），无法导入。请用 Excel 重新保存后再试。");
            }

            // The sizes a zip declares bound what .NET will unpack from each entry, so the sum is a safe limit.
            long unpacked = 0, packed = 0;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                packed += entry.CompressedLength;
            }

            if (unpacked > MaxUnpackedBytes || (unpacked > 10 * 1024 * 1024 && unpacked > packed * MaxCompressionRatio))
            {
                return Refused("文件解压后过大或压缩异常，可能不是正常的表格文件，已拒绝。请用 Excel 重新保存，或分成几个文件。");
            }

            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                return Refused(NotASpreadsheet);
            }
        }
        catch (InvalidDataException)
        {
            return Refused("文件已损坏，无法打开。请用 Excel 重新保存后再上传。");
        }

        return new RosterUpload(RosterFormat.Xlsx, null, null);
    }

    private static RosterUpload InspectText(ReadOnlySpan<byte> content)
    {
        // Text never holds NUL bytes; images, PDFs and Word files do.
        if (content.Contains((byte)0))
        {
            return Refused(NotASpreadsheet);
        }

        var body = content.StartsWith(Utf8Bom) ? content[3..] : content;
        var encoding = Decodes(StrictUtf8, body) ? StrictUtf8 : Decodes(Gb18030.Value, body) ? Gb18030.Value : null;
        return encoding is null ? Refused(NotASpreadsheet) : new RosterUpload(RosterFormat.Csv, encoding, null);
    }

    private static bool Decodes(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = encoding.GetString(bytes);
            // Control characters other than tab and line breaks mean a binary file that happened to decode.
            return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
