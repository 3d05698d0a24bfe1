using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Hosting;

/// <summary>One upload limit (Doorstep:MaxUploadMegabytes, 20 MB by default), said the same way everywhere.</summary>
[Collection(SharedApp.Name)]
public class UploadLimitTests(DoorstepApp app)
{
    /// <summary>A body with no Content-Length, sent in chunks as a browser or proxy may: 8 KB at a time up to the size asked.</summary>
    private sealed class ChunkedBody(long size) : Stream
    {
        private long _sent;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, 8192), size - _sent);
            Array.Fill(buffer, (byte)'a', offset, n);
            _sent += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<HttpResponseMessage> PostChunkedFileAsync(HttpClient client, string url, long size)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")!.Value;
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new StreamContent(new ChunkedBody(size));
        file.Headers.ContentType = new("application/octet-stream");
        body.Add(file, "Upload", "大名册.csv");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_sent_back_to_the_import_page_with_a_Chinese_message()
    {
        var cadre = await app.SignedInAsync("zhangqiao");

        var response = await PostChunkedFileAsync(cadre, "/Members/Import", 21L * 1024 * 1024);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await cadre.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("文件超过 20 MB，请分成几个较小的文件分别导入。", page.QuerySelector("[role=alert]")?.TextContent);
    }

    [Fact]
    public async Task The_import_page_and_the_413_page_name_the_same_limit()
    {
        var cadre = await app.SignedInAsync("zhangqiao");
        var import = await cadre.GetPageAsync("/Members/Import");
        var huge = new ByteArrayContent(new byte[22 * 1024 * 1024]);
        huge.Headers.ContentType = new("application/x-www-form-urlencoded");

        var tooLarge = await cadre.PostAsync("/Members/Edit/1", huge);

        Assert.Contains("不超过 20 MB", import.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("（20 MB）", (await tooLarge.ReadHtmlAsync()).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_to_any_other_page_gets_the_Chinese_413_page_not_a_bare_400()
    {
        var response = await PostChunkedFileAsync(app.NewClient(), "/Accounts/SignIn", 22L * 1024 * 1024);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("文件太大", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
    }
}
