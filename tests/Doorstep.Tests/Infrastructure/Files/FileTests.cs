using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Doorstep.Data;
using Doorstep.Features.Organizations;
using Doorstep.Infrastructure.Files;
using Doorstep.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Xunit.Abstractions;

namespace Doorstep.Tests.Infrastructure.Files;

/// <summary>
/// Stored files through the real pipeline, in the database store (the default) and the folder store.
/// The next features' pages (visit photos, 随身听) take uploads with FileIntake and answer with
/// StoredFileResult after finding the owner in scope; a test endpoint does the same here, without the owner.
/// </summary>
public sealed class FileTests(FileTests.Nodes nodes, ITestOutputHelper output) : IClassFixture<FileTests.Nodes>
{

    /// <summary>POST /test-files/{kind}?owner=… takes the body in; GET /test-files/{id} sends the file back.</summary>
    private sealed class TestEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-files", files => files.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<DoorstepDb>();
                var segment = http.Request.Path.Value!.Trim('/');
                if (HttpMethods.IsPost(http.Request.Method))
                {
                    var outcome = await http.RequestServices.GetRequiredService<FileIntake>()
                        .AcceptAsync(db, http.Request.Body, Enum.Parse<FileKind>(segment), http.Request.Query["owner"]!, http.RequestAborted);
                    if (outcome.Refusal is { } refusal)
                    {
                        http.Response.StatusCode = 400;
                        await http.Response.WriteAsync(refusal);
                        return;
                    }

                    await db.SaveChangesAsync();
                    await http.Response.WriteAsync(outcome.File!.Id.ToString());
                    return;
                }

                var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == Guid.Parse(segment));
                IActionResult result = file is null ? new NotFoundResult() : new StoredFileResult(file);
                await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
            }));
            next(app);
        };
    }

    private AppHost Node(FileStoreKind store) => nodes.Node(store);

    /// <summary>
    /// One app per store, started when a test first asks for it and shared by the class: each test
    /// stores and reads files of its own, and starting an app (migrations, the demo) is most of a test's cost.
    /// </summary>
    public sealed class Nodes : IAsyncLifetime
    {
        private readonly Dictionary<FileStoreKind, (AppHost Node, Dictionary<string, string?> Database)> _nodes = [];
        private readonly Lock _starting = new();

        public AppHost Node(FileStoreKind store)
        {
            lock (_starting)
            {
                if (!_nodes.TryGetValue(store, out var node))
                {
                    var database = AppHost.NewDatabase(("Files:Store", store.ToString()));
                    node = (new AppHost(database, s => s.AddSingleton<IStartupFilter, TestEndpoints>()), database);
                    _nodes[store] = node;
                }

                return node.Node;
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var (node, database) in _nodes.Values)
            {
                await node.DisposeAsync();
                await AppHost.DropDatabaseAsync(database);
            }
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(AppHost node, FileKind kind, byte[] content, string owner = "Nobody:0") =>
        await node.NewClient().PostAsync($"/test-files/{kind}?owner={owner}", new ByteArrayContent(content));

    private static async Task<Guid> StoreAsync(AppHost node, FileKind kind, byte[] content, string owner = "Nobody:0")
    {
        var response = await UploadAsync(node, kind, content, owner);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Guid.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A photo as a phone takes it: a JPEG whose EXIF says where it was taken (31°14′ N).</summary>
    private static byte[] PhoneJpegWithGps(int width = 400, int height = 300)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var picture = (black + new double[] { 90, 140, 200 }).Cast(Enums.BandFormat.Uchar);
        var jpeg = picture.JpegsaveBuffer(q: 90);
        var tiff = new List<byte>();
        tiff.AddRange([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]);
        // IFD0: one entry, the GPS IFD's offset (26).
        tiff.AddRange([0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 26, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        // GPS IFD: latitude ref "N", latitude at offset 56 (three rationals).
        tiff.AddRange([0x02, 0x00, 0x01, 0x00, 0x02, 0x00, 0x02, 0x00, 0x00, 0x00, (byte)'N', 0x00, 0x00, 0x00]);
        tiff.AddRange([0x02, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00, 56, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        foreach (var value in new uint[] { 31, 1, 14, 1, 0, 1 })
        {
            tiff.AddRange(BitConverter.GetBytes(value));
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    private static bool HasGps(byte[] jpeg)
    {
        using var image = Image.NewFromBuffer(jpeg);
        return image.GetFields().Any(f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FileStoreKind.Database)]
    [InlineData(FileStoreKind.Folder)]
    public async Task A_phone_photo_with_a_GPS_position_comes_back_re_encoded_without_it(FileStoreKind store)
    {
        var node = Node(store);
        var original = PhoneJpegWithGps();
        Assert.True(HasGps(original));

        var id = await StoreAsync(node, FileKind.Photo, original);
        var response = await node.NewClient().GetAsync($"/test-files/{id}");
        var served = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(original, served);
        Assert.False(HasGps(served));
        using var image = Image.NewFromBuffer(served);
        Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif-", StringComparison.Ordinal));
        Assert.Equal((400, 300), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_refused_with_a_Chinese_message()
    {
        var response = await UploadAsync(Node(FileStoreKind.Database), FileKind.Photo, "这是一段文字，不是照片。 photo.jpg"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("这不是照片文件。请选择手机拍摄的照片（JPG、PNG、WebP 或 HEIC 格式）。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused_before_it_is_read_whole()
    {
        var oversize = new byte[FileIntake.MaxBytes(FileKind.Photo) + 1];
        PhoneJpegWithGps().CopyTo(oversize, 0);

        var response = await UploadAsync(Node(FileStoreKind.Database), FileKind.Photo, oversize);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("文件太大：照片不能超过 20 MB。", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(FileStoreKind.Database)]
    [InlineData(FileStoreKind.Folder)]
    public async Task A_range_request_gets_206_with_exactly_those_bytes_and_the_file_can_be_cached(FileStoreKind store)
    {
        var node = Node(store);
        var audio = Mp3Like(200_000);
        var id = await StoreAsync(node, FileKind.Audio, audio);
        var client = node.NewClient();

        var request = new HttpRequestMessage(HttpMethod.Get, $"/test-files/{id}");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(audio[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 1000-1999/200000", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(audio))}\"", response.Headers.ETag!.Tag);
        var caching = response.Headers.CacheControl!;
        Assert.Equal((true, TimeSpan.FromDays(365)), (caching.Private, caching.MaxAge));
        Assert.Contains(caching.Extensions, e => e.Name == "immutable");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/test-files/{id}");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_database_store_reads_a_range_in_place_without_loading_the_whole_recording()
    {
        var node = Node(FileStoreKind.Database);
        var audio = Mp3Like((3 * 1024 * 1024) + 17);
        var id = await StoreAsync(node, FileKind.Audio, audio);

        await node.WithDbAsync(async db =>
        {
            await using var stream = (await new DatabaseFileStore().OpenReadAsync(db, id, CancellationToken.None))!;
            // Not the whole file in memory: SQLite's blob in place, or PostgreSQL's slices.
            Assert.IsNotType<MemoryStream>(stream);
            Assert.Equal(audio.Length, stream.Length);
            foreach (var (from, count) in new[] { (1_500_000, 100_000), ((512 * 1024) - 50, 100), (0, 10), (audio.Length - 10, 10) })
            {
                stream.Seek(from, SeekOrigin.Begin);
                var read = new byte[count];
                await stream.ReadExactlyAsync(read);
                Assert.Equal(audio[from..(from + count)], read);
            }

            Assert.Equal(0, await stream.ReadAsync(new byte[10]));
            return 0;
        });
        Assert.Null(await node.WithDbAsync(db => new DatabaseFileStore().OpenReadAsync(db, Guid.NewGuid(), CancellationToken.None)));
    }

    [Fact]
    public async Task A_write_cut_off_midway_leaves_nothing_a_reader_can_see_and_the_sweep_clears_its_remains()
    {
        var node = Node(FileStoreKind.Folder);
        var store = (FolderFileStore)node.Services.GetRequiredService<IFileStore>();
        var id = Guid.NewGuid();
        using var cut = new CancellationTokenSource();
        await cut.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => node.WithDbAsync(async db =>
        {
            await store.WriteAsync(db, id, Mp3Like(3_000_000), cut.Token);
            return 0;
        }));

        Assert.False(File.Exists(store.PathOf(id)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(store.PathOf(id))!));
        Assert.Null(await node.WithDbAsync(db => store.OpenReadAsync(db, id, default)));

        // A process killed mid-write leaves a partial file under a name no reader opens; the sweep removes it later.
        var partial = store.PathOf(id) + ".killed.partial";
        await File.WriteAllBytesAsync(partial, new byte[1000]);
        File.SetLastWriteTimeUtc(partial, DateTime.UtcNow.AddHours(-2));
        Assert.Null(await node.WithDbAsync(db => store.OpenReadAsync(db, id, default)));
        Assert.Equal(1, await node.WithDbAsync(db => store.SweepAsync(db, default)));
        Assert.False(File.Exists(partial));
    }

    [Theory]
    [InlineData(FileStoreKind.Database)]
    [InlineData(FileStoreKind.Folder)]
    public async Task Deleting_the_owning_record_deletes_the_file_and_its_bytes(FileStoreKind store)
    {
        var node = Node(store);
        var owner = await node.WithDbAsync(async db =>
        {
            var department = new Department { Name = "拍照测试办", SubDistrictId = await db.SubDistricts.Select(s => s.Id).FirstAsync() };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });
        var id = await StoreAsync(node, FileKind.Photo, PhoneJpegWithGps(), StoredFile.OwnerOf(nameof(Department), owner));
        Assert.Equal(HttpStatusCode.OK, (await node.NewClient().GetAsync($"/test-files/{id}")).StatusCode);

        await node.WithDbAsync(async db =>
        {
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Id == owner));
            return await db.SaveChangesAsync();
        });

        Assert.False(await node.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == id)));
        Assert.False(await node.WithDbAsync(db => db.StoredFileContents.AnyAsync(c => c.StoredFileId == id)));
        if (node.Services.GetRequiredService<IFileStore>() is FolderFileStore folder)
        {
            Assert.False(File.Exists(folder.PathOf(id)));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await node.NewClient().GetAsync($"/test-files/{id}")).StatusCode);
    }

    /// <summary>Also the figures for ADR 0012: a 3 MB phone photo in, a 10 MB recording in and out, per store.</summary>
    [Theory]
    [InlineData(FileStoreKind.Database)]
    [InlineData(FileStoreKind.Folder)]
    public async Task A_large_photo_and_recording_come_back_whole_from_each_store(FileStoreKind store)
    {
        var node = Node(store);
        var photo = Noise(4000, 3000);
        var audio = Mp3Like(10 * 1024 * 1024);
        await StoreAsync(node, FileKind.Audio, Mp3Like(1000));

        var clock = Stopwatch.StartNew();
        var photoId = await StoreAsync(node, FileKind.Photo, photo);
        var photoIn = clock.Elapsed;
        clock.Restart();
        var audioId = await StoreAsync(node, FileKind.Audio, audio);
        var audioIn = clock.Elapsed;
        clock.Restart();
        var audioBack = await node.NewClient().GetByteArrayAsync($"/test-files/{audioId}");
        var audioOut = clock.Elapsed;
        var storedPhoto = await node.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == photoId));

        Assert.Equal(audio, audioBack);
        Assert.True(storedPhoto.Length < photo.Length);
        output.WriteLine($"{store}: photo {photo.Length / 1024} KB in → {storedPhoto.Length / 1024} KB stored in {photoIn.TotalMilliseconds:0} ms; "
            + $"audio {audio.Length / 1024} KB in {audioIn.TotalMilliseconds:0} ms, out in {audioOut.TotalMilliseconds:0} ms");
    }

    /// <summary>Starts as an MPEG audio frame does; the rest is random, as compressed audio looks.</summary>
    private static byte[] Mp3Like(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xFB;
        return bytes;
    }

    /// <summary>A 12-megapixel JPEG with fine grain at quality 90: about what a phone writes (3–5 MB).</summary>
    private static byte[] Noise(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, sigma: 40, mean: 128);
        using var grain = noise.Gaussblur(1.5);
        using var bands = grain.Bandjoin(grain.Flip(Enums.Direction.Horizontal), grain.Flip(Enums.Direction.Vertical)).Cast(Enums.BandFormat.Uchar);
        return bands.Copy(interpretation: Enums.Interpretation.Srgb).JpegsaveBuffer(q: 90);
    }
}
