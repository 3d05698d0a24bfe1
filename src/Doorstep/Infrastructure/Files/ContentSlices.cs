using Doorstep.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Infrastructure.Files;

/// <summary>
/// A stored file's bytes read from StoredFileContents a part at a time, so that a range request (a
/// player seeking in a 10 MB recording) does not load the whole file. SQLite reads the blob in place
/// (incremental blob I/O by the row's rowid); PostgreSQL asks for slices with substring(), which
/// fetches only the TOAST chunks it needs from a value stored uncompressed — as audio is, since it
/// does not compress. The context's connection stays open until the request's context is disposed.
/// </summary>
internal static class ContentSlices
{
    public static async Task<Stream?> OpenAsync(DoorstepDb db, Guid id, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var rowIds = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "StoredFileContents" WHERE "StoredFileId" = {id}""").ToListAsync(cancellationToken);
            if (rowIds.Count == 0)
            {
                return null;
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            return new SqliteBlob((SqliteConnection)db.Database.GetDbConnection(), "StoredFileContents", nameof(StoredFileContent.Content), rowIds[0], readOnly: true);
        }

        var length = await db.StoredFileContents.Where(c => c.StoredFileId == id).Select(c => (int?)c.Content.Length).FirstOrDefaultAsync(cancellationToken);
        return length is { } l ? new SlicedStream(db, id, l) : null;
    }

    /// <summary>A read-only, seekable view of one bytea, fetched a slice at a time.</summary>
    private sealed class SlicedStream(DoorstepDb db, Guid id, int length) : Stream
    {
        /// <summary>The response is written 64 KB at a time; a larger slice saves round trips on a whole download.</summary>
        private const int Slice = 512 * 1024;

        private byte[] _slice = [];
        private long _sliceStart;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= length || buffer.Length == 0)
            {
                return 0;
            }

            if (_position < _sliceStart || _position >= _sliceStart + _slice.Length)
            {
                // substring counts from 1.
                var from = (int)_position + 1;
                _slice = (await db.Database.SqlQuery<byte[]>($"""SELECT substring("Content" from {from} for {Slice}) AS "Value" FROM "StoredFileContents" WHERE "StoredFileId" = {id}""")
                    .ToListAsync(cancellationToken)).FirstOrDefault() ?? throw new IOException("The stored file was deleted while it was being read.");
                _sliceStart = _position;
                if (_slice.Length == 0)
                {
                    return 0;
                }
            }

            var available = (int)Math.Min(buffer.Length, _sliceStart + _slice.Length - _position);
            _slice.AsMemory((int)(_position - _sliceStart), available).CopyTo(buffer);
            _position += available;
            return available;
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
