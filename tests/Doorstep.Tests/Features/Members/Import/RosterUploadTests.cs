using System.IO.Compression;
using System.Text;
using Doorstep.Features.Members.Import;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features.Members.Import;

/// <summary>Files are judged by content before any spreadsheet library reads them.</summary>
public class RosterUploadTests
{
    [Fact]
    public void A_workbook_is_an_xlsx_and_UTF8_and_GBK_text_are_CSV()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        Assert.Equal(RosterFormat.Xlsx, RosterUpload.Inspect(Xlsx.Sheet([["姓名"]])).Format);
        Assert.Equal("utf-8", RosterUpload.Inspect([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("姓名,身份证号\r\n王芳,1\r\n")]).EncodingName);
        Assert.Equal("gb18030", RosterUpload.Inspect(Encoding.GetEncoding("GB18030").GetBytes("姓名,身份证号\r\n王芳,1\r\n")).EncodingName);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document/>"u8);
        }

        Assert.Contains("不是 Excel 表格", RosterUpload.Inspect(stream.ToArray()).Refusal);
    }

    [Fact]
    public void A_zip_that_declares_more_than_200_MB_unpacked_is_refused_before_anything_unpacks_it()
    {
        var zip = Xlsx.Sheet([["姓名"]]);
        // Rewrite the central directory's uncompressed size of one entry to 300 MB.
        var central = zip.AsSpan().LastIndexOf("PK\x01\x02"u8);
        BitConverter.TryWriteBytes(zip.AsSpan(central + 24, 4), 300 * 1024 * 1024);

        Assert.Contains("解压后过大", RosterUpload.Inspect(zip).Refusal);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 })]
    [InlineData(new byte[] { 0x80, 0x81, 0xFF, 0xFE, 0x41 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]
    public void Binary_files_and_broken_zips_are_refused_with_a_message(byte[] content) =>
        Assert.NotNull(RosterUpload.Inspect(content).Refusal);

    [Fact]
    public void An_old_xls_is_told_to_be_saved_as_xlsx() =>
        Assert.Contains("另存为", RosterUpload.Inspect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).Refusal);
}
