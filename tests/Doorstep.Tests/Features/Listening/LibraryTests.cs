using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Doorstep.Features.Listening;
using Doorstep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Tests.Features.Listening;

/// <summary>The library's audio: checked by content, its length read from the file, served in ranges; speech made by a job.</summary>
[Collection(SharedApp.Name)]
public class LibraryTests(DoorstepApp app)
{
    [Fact]
    public async Task An_uploaded_recording_is_checked_by_content_and_served_in_ranges_with_the_right_bytes()
    {
        var admin = await app.SignedInAsync("admin");
        var book = await admin.PostFormAsync("/Listening/Books/Index", new Dictionary<string, string> { ["Input.Title"] = "测试录音书", ["Input.Author"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, book.StatusCode);
        var bookPage = book.Headers.Location!.OriginalString;
        var chapter = await admin.PostFormAsync(bookPage, new Dictionary<string, string> { ["Input.Title"] = "第一段", ["Input.Text"] = "这是测试用的一段文字。" });
        var edit = chapter.Headers.Location!.OriginalString;
        var chapterId = int.Parse(edit.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var refused = await admin.UploadAsync(edit + "?handler=Upload", "讲话.mp3", Encoding.UTF8.GetBytes("<html>not audio at all</html>"), field: "upload");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("这不是录音文件", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.StudyChapters.Where(c => c.Id == chapterId).Select(c => c.AudioFileId).FirstAsync()));

        var wav = Wav(seconds: 3);
        var accepted = await admin.UploadAsync(edit + "?handler=Upload", "录音.wav", wav, field: "upload");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await app.WithDbAsync(db => db.StudyChapters.Where(c => c.Id == chapterId).Select(c => new { c.AudioSeconds, c.AudioSource }).FirstAsync());
        Assert.Equal(3, stored.AudioSeconds);
        Assert.Equal(AudioSource.Uploaded, stored.AudioSource);

        var member = await app.FirstOfAreaAsync("张桥", skip: 33);
        var shelf = await (await app.SignedInAsync("zhangqiao")).IssueCardAsync(member);
        var phone = app.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{shelf}/audio/{chapterId}");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var part = await phone.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(wav[1000..2000], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/wav", part.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", part.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(part.Headers.ETag);

        var again = new HttpRequestMessage(HttpMethod.Get, $"{shelf}/audio/{chapterId}");
        again.Headers.IfNoneMatch.Add(part.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await phone.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task A_recording_over_the_upload_limit_is_refused_at_the_field_in_Chinese()
    {
        var chapterId = await app.DemoChapterAsync("中国共产党简史", 2);
        var edit = $"/Listening/Chapters/Edit/{chapterId}";
        var admin = await app.SignedInAsync("admin");
        var before = await app.WithDbAsync(db => db.StudyChapters.Where(c => c.Id == chapterId).Select(c => c.AudioFileId).FirstAsync());

        // Past the request limit (20 MB and the form's room): the limit sends it back to the chapter.
        var huge = await admin.UploadAsync(edit + "?handler=Upload", "整本书.mp3", new byte[22 * 1024 * 1024], field: "upload");
        Assert.Equal(HttpStatusCode.SeeOther, huge.StatusCode);
        var back = await admin.GetPageAsync(huge.Headers.Location!.OriginalString);
        Assert.StartsWith("文件太大：录音不能超过 20 MB。", back.QuerySelector("#upload-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("upload-error", back.QuerySelector("#upload")!.GetAttribute("aria-describedby"));

        // Just over 20 MB passes the request limit (it leaves room for the form) and the page refuses it.
        var over = await admin.UploadAsync(edit + "?handler=Upload", "长录音.mp3", new byte[(20 * 1024 * 1024) + 4096], field: "upload");
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.StartsWith("文件太大：录音不能超过 20 MB。", (await over.ReadHtmlAsync()).QuerySelector("#upload-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.StudyChapters.Where(c => c.Id == chapterId).Select(c => c.AudioFileId).FirstAsync()));
    }

    [Fact]
    public async Task Speech_is_made_on_the_server_by_a_job_and_the_chapter_says_so()
    {
        // The demo queued speech for every chapter; the app's worker makes it with espeak-ng and lame.
        var chapterId = await app.DemoChapterAsync("中国共产党简史", 1);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        StudyChapter? chapter = null;
        while (DateTime.UtcNow < deadline)
        {
            chapter = await app.WithDbAsync(db => db.StudyChapters.AsNoTracking().FirstAsync(c => c.Id == chapterId));
            if (chapter.SpeechState is SpeechState.Ready or SpeechState.Failed)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(SpeechState.Ready, chapter!.SpeechState);
        Assert.Equal(AudioSource.Generated, chapter.AudioSource);
        Assert.InRange(chapter.AudioSeconds ?? 0, 3, 120);
        var admin = await app.SignedInAsync("admin");
        var page = await (await admin.GetAsync($"/Listening/Chapters/Edit/{chapterId}")).Content.ReadAsStringAsync();
        Assert.Contains("语音已生成", page, StringComparison.Ordinal);
        var audio = await admin.GetAsync($"/Listening/Chapters/Edit/{chapterId}?handler=Audio");
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Staff_pages_keep_to_their_scope()
    {
        var zhangqiaoMember = await app.FirstOfAreaAsync("张桥", skip: 34);
        var ruixin = await app.SignedInAsync("ruixin");

        Assert.Equal(HttpStatusCode.NotFound, (await ruixin.GetAsync($"/Listening/Cards/Member/{zhangqiaoMember}")).StatusCode);
        var issue = await ruixin.PostFormAsync("/Listening/Report", [], $"/Listening/Cards/Member/{zhangqiaoMember}?handler=Issue");
        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ListeningCards.AnyAsync(c => c.MemberId == zhangqiaoMember)));
        // The library is the sub-district admin's.
        Assert.Equal(HttpStatusCode.Redirect, (await ruixin.GetAsync("/Listening/Books/Index")).StatusCode);

        var report = await (await ruixin.GetAsync("/Listening/Report")).Content.ReadAsStringAsync();
        Assert.Contains("瑞鑫居民区", report, StringComparison.Ordinal);
        var zhangqiaoName = await app.WithDbAsync(db => db.Members.Where(m => m.Id == zhangqiaoMember).Select(m => m.Name).FirstAsync());
        Assert.DoesNotContain($">{zhangqiaoName}<", report, StringComparison.Ordinal);
        // Asking for another area's report shows one's own.
        var zhangqiaoArea = await app.WithDbAsync(db => db.ResidentialAreas.Where(a => a.Name == "张桥").Select(a => a.Id).FirstAsync());
        Assert.Contains("瑞鑫居民区", await (await ruixin.GetAsync($"/Listening/Report?areaId={zhangqiaoArea}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 张桥's report shows the demo's listeners this month, and those who have not started.
        var zhangqiao = await app.SignedInAsync("zhangqiao");
        var own = await (await zhangqiao.GetAsync("/Listening/Report")).Content.ReadAsStringAsync();
        Assert.Contains("本月在听", own, StringComparison.Ordinal);
        Assert.Contains("还没开始", own, StringComparison.Ordinal);
    }

    /// <summary>A mono 8 kHz 16-bit WAV of a quiet tone.</summary>
    private static byte[] Wav(int seconds)
    {
        const int rate = 8000;
        var samples = rate * seconds;
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8);
        w.Write(36 + samples * 2);
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(rate);
        w.Write(rate * 2);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            w.Write((short)(Math.Sin(i * 2 * Math.PI * 440 / rate) * 3000));
        }

        w.Flush();
        return stream.ToArray();
    }
}
