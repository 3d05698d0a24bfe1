using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace Doorstep.Infrastructure;

/// <summary>
/// An .xlsx download written to the response while its rows are read from the database, so that an
/// export of 100,000 rows holds a few rows in memory, not the sheet. The column headers, formats and
/// widths come from the row type's MiniExcel attributes.
/// </summary>
public sealed class SpreadsheetFile<TRow>(string fileName, string asciiFileName, string sheetName, IAsyncEnumerable<TRow> rows) : IActionResult
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = ContentType;
        // filename* (RFC 5987) carries the Chinese name; old clients fall back to the ASCII one.
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = asciiFileName,
            FileNameStar = fileName,
        }.ToString();
        // Personal data: no browser or proxy keeps a copy.
        response.Headers.CacheControl = "no-store";

        await using var body = new DeferredSyncWrites(response.Body);
        await MiniExcel.SaveAsAsync(body, rows, sheetName: sheetName, cancellationToken: context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// MiniExcel writes the sheet asynchronously, but the zip archive under it writes its small headers
    /// and closing directory with synchronous writes, which Kestrel refuses. Those bytes (tens of KB at
    /// most) wait here and go out with the next asynchronous write, or when the file is complete.
    /// </summary>
    private sealed class DeferredSyncWrites(Stream response) : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await SendPendingAsync(cancellationToken);
            await response.WriteAsync(buffer, cancellationToken);
            _written += buffer.Length;
        }

        public override void Flush()
        {
            // Sent with the next asynchronous write or on disposal.
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendPendingAsync(cancellationToken);
            await response.FlushAsync(cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            await SendPendingAsync(CancellationToken.None);
            await _pending.DisposeAsync();
            await base.DisposeAsync();
        }

        private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length > 0)
            {
                await response.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
                _pending.SetLength(0);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
