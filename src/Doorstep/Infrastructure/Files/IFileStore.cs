using Doorstep.Data;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Infrastructure.Files;

/// <summary>
/// Where the bytes of stored files live: the database (the default; every node sees them, one backup
/// holds them) or a folder (a volume every node mounts). Chosen by `Files:Store` (ADR 0012).
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Keeps the bytes under the id. What another reader sees is all of them or nothing: the database
    /// writes them with the file's record, the folder under a temporary name renamed when complete.
    /// </summary>
    Task WriteAsync(DoorstepDb db, Guid id, byte[] content, CancellationToken cancellationToken);

    /// <summary>A seekable stream of the bytes (HTTP range requests seek), or null when they are gone.</summary>
    Task<Stream?> OpenReadAsync(DoorstepDb db, Guid id, CancellationToken cancellationToken);

    /// <summary>Removes the bytes of a file whose record was just deleted and committed.</summary>
    void Delete(Guid id);

    /// <summary>Removes bytes whose record is gone (a crash between the two); returns how many files it removed.</summary>
    Task<int> SweepAsync(DoorstepDb db, CancellationToken cancellationToken);
}

/// <summary>
/// Bytes in table StoredFileContents, added to the same save as the file's record: the two commit
/// together, and the row goes with its record (cascade).
/// </summary>
public sealed class DatabaseFileStore : IFileStore
{
    public Task WriteAsync(DoorstepDb db, Guid id, byte[] content, CancellationToken cancellationToken)
    {
        db.StoredFileContents.Add(new StoredFileContent { StoredFileId = id, Content = content });
        return Task.CompletedTask;
    }

    /// <summary>A part at a time (<see cref="ContentSlices"/>): a range request reads about the bytes it sends.</summary>
    public Task<Stream?> OpenReadAsync(DoorstepDb db, Guid id, CancellationToken cancellationToken) =>
        ContentSlices.OpenAsync(db, id, cancellationToken);

    /// <summary>The row went with its record.</summary>
    public void Delete(Guid id)
    {
    }

    public Task<int> SweepAsync(DoorstepDb db, CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>
/// Bytes as files under a folder, two levels of subfolders by the id's first characters. A write goes
/// to a temporary name in the same folder, is flushed to the disk, then renamed: a crash leaves at
/// most a temporary file, which no reader opens and the sweep removes.
/// </summary>
public sealed class FolderFileStore(string root, TimeProvider clock) : IFileStore
{
    private const string Partial = ".partial";

    /// <summary>Bytes written this recently may still be waiting for their record's save; the sweep leaves them.</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromHours(1);

    public string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(root, name[..2], name[2..4], name);
    }

    public async Task WriteAsync(DoorstepDb db, Guid id, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + "." + Guid.NewGuid().ToString("N") + Partial;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(DoorstepDb db, Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous)
            : null);
    }

    public void Delete(Guid id) => File.Delete(PathOf(id));

    /// <summary>Deletes files whose record is gone (deleted with its owner, or never saved) and partial writes a crash left.</summary>
    public async Task<int> SweepAsync(DoorstepDb db, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime - Settling;
        var removed = 0;
        foreach (var batch in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => File.GetLastWriteTimeUtc(f) < before).Chunk(500))
        {
            var ids = batch.Select(f => Guid.TryParseExact(Path.GetFileName(f), "N", out var id) ? id : Guid.Empty).ToList();
            var known = (await db.StoredFiles.Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
            for (var i = 0; i < batch.Length; i++)
            {
                if (!known.Contains(ids[i]))
                {
                    File.Delete(batch[i]);
                    removed++;
                }
            }
        }

        return removed;
    }
}
