using Doorstep.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Doorstep.Infrastructure.Files;

/// <summary>
/// Sends a stored file to a user the calling page has already authorised (it found the owning record
/// in the user's scope). Range requests get 206 and the asked bytes (audio players seek), the SHA-256
/// is the entity tag (If-None-Match → 304), and the browser may keep it: an id's bytes never change.
/// Personal data, so private: no shared cache keeps it.
/// </summary>
public sealed class StoredFileResult(StoredFile file, string? downloadName = null) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stream = await services.GetRequiredService<IFileStore>()
            .OpenReadAsync(services.GetRequiredService<DoorstepDb>(), file.Id, context.HttpContext.RequestAborted);
        if (stream is null)
        {
            await new NotFoundResult().ExecuteResultAsync(context);
            return;
        }

        context.HttpContext.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        var result = new FileStreamResult(stream, file.ContentType)
        {
            EntityTag = new EntityTagHeaderValue($"\"{file.Sha256}\""),
            LastModified = DateTime.SpecifyKind(file.CreatedAt, DateTimeKind.Utc),
            EnableRangeProcessing = true,
            FileDownloadName = downloadName,
        };
        await result.ExecuteResultAsync(context);
    }
}
