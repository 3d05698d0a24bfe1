using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Doorstep.Hosting;

/// <summary>
/// The largest file anyone may upload, from one setting (Doorstep:MaxUploadMegabytes, 20 by default).
/// Every request body is held to it plus room for the form around the file, and every page that
/// speaks of the limit reads the number from here.
/// </summary>
public sealed class UploadLimit
{
    public const string Setting = "Doorstep:MaxUploadMegabytes";
    public const int DefaultMegabytes = 20;

    /// <summary>Multipart boundaries, the antiforgery token and the other fields of an upload form.</summary>
    private const long FormAllowance = 1024 * 1024;

    public UploadLimit(int megabytes)
    {
        if (megabytes < 1)
        {
            throw new InvalidOperationException($"{Setting} must be at least 1 (megabytes).");
        }

        Megabytes = megabytes;
    }

    public int Megabytes { get; }

    public long FileBytes => Megabytes * 1024L * 1024L;

    public long RequestBytes => FileBytes + FormAllowance;

    /// <summary>Added to an upload page's address when an oversized post is sent back to it.</summary>
    public const string TooLargeQuery = "tooLarge";

    public static UploadLimit From(IConfiguration config) => new(config.GetValue(Setting, DefaultMegabytes));
}

/// <summary>
/// A page with an upload form, registered by its feature: an oversized post to it is sent back to it
/// with <see cref="UploadLimit.TooLargeQuery"/>, so that the refusal stands beside the form. A path
/// ending in <c>/{id}</c> is one record's form (a chapter's recording): any number stands there.
/// </summary>
public sealed record UploadPage(string Path)
{
    private const string Id = "/{id}";

    public bool Matches(string path)
    {
        if (!Path.EndsWith(Id, StringComparison.Ordinal))
        {
            return string.Equals(path, Path, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = Path[..^Id.Length] + "/";
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && path.Length > prefix.Length
            && !path.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9');
    }
}

/// <summary>Thrown by the request body once it passes the limit; deliberately not an IOException, which antiforgery would turn into a bare 400.</summary>
public sealed class RequestTooLargeException() : Exception("The request body is larger than the upload limit.");

public static class UploadLimits
{
    /// <summary>
    /// Refuses a declared oversized body before anything reads it, and stops an undeclared (chunked)
    /// one as soon as it passes the limit: a 413 with the Chinese status page, or for an upload page
    /// a redirect back to it, where the refusal is said beside the form.
    /// </summary>
    public static WebApplication UseRequestSizeLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<UploadLimit>();
        var uploadPages = app.Services.GetServices<UploadPage>().ToList();
        app.Use(async (context, next) =>
        {
            // The Chinese status page re-executes the pipeline with the same request; let it through.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }

            if (context.Request.ContentLength > limit.RequestBytes)
            {
                Refuse(context, uploadPages);
                return;
            }

            if (context.Request.ContentLength is null && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            {
                // The count below replaces the server's own, whose exception antiforgery reports as a bare 400.
                server.MaxRequestBodySize = null;
                context.Request.Body = new LimitedBody(context.Request.Body, limit.RequestBytes);
            }
            else if (context.Request.ContentLength is null)
            {
                context.Request.Body = new LimitedBody(context.Request.Body, limit.RequestBytes);
            }

            try
            {
                await next(context);
            }
            catch (RequestTooLargeException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                Refuse(context, uploadPages);
            }
        });
        return app;
    }

    private static void Refuse(HttpContext context, List<UploadPage> uploadPages)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (HttpMethods.IsPost(context.Request.Method) && uploadPages.Any(p => p.Matches(path)))
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}?{UploadLimit.TooLargeQuery}=true";
            // The body is not read; the connection closes rather than drain megabytes nobody wants.
            context.Response.Headers.Connection = "close";
            return;
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    private sealed class LimitedBody(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Counted(int read)
        {
            _read += read;
            return _read > limit ? throw new RequestTooLargeException() : read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
