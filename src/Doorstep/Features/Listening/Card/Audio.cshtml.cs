using Doorstep.Data;
using Doorstep.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Card;

/// <summary>
/// A chapter's audio for the card's player: range requests (206) so that seeking works, the ETag and
/// a year's private caching so that a chapter heard again costs nothing (StoredFileResult). With the
/// database store each range request loads the whole file: fine for chapters of a few MB (ADR 0018).
/// </summary>
[Authorize(Policy = ListeningFeature.Listen)]
[EnableRateLimiting(ListeningFeature.CardRateLimit)]
public sealed class AudioModel(DoorstepDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int chapterId)
    {
        var holder = CardAuthentication.Of(HttpContext);
        var fileId = await Shelf.ChaptersOf(db, holder.SubDistrictId).Where(c => c.Id == chapterId).Select(c => c.AudioFileId).FirstOrDefaultAsync();
        var file = fileId is { } id ? await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id) : null;
        return file is null ? NotFound() : new StoredFileResult(file);
    }
}
