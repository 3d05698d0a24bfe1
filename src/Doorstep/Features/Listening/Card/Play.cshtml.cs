using System.Globalization;
using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening.Card;

/// <summary>
/// The player, for an 85-year-old with weak eyes: one chapter, one big button, resumed where the
/// member last stopped on any phone (the position is the server's). Without audio the phone's own
/// speech engine reads the text, sentence by sentence; its position is then the sentence's number.
/// </summary>
[Authorize(Policy = ListeningFeature.Listen)]
[EnableRateLimiting(ListeningFeature.CardRateLimit)]
// The card in the URL, not a cookie, signs these requests in: another site cannot send one without the token.
[IgnoreAntiforgeryToken]
public sealed class PlayModel(DoorstepDb db, TimeProvider clock) : PageModel
{
    public string Token { get; private set; } = "";
    public StudyChapter Chapter { get; private set; } = null!;
    public string BookTitle { get; private set; } = "";
    public int? NextChapterId { get; private set; }
    public double Position { get; private set; }
    public bool Autoplay { get; private set; }
    public bool HasAudio => Chapter.AudioFileId is not null;

    /// <summary>Sentences of the text, for the speech engine's position.</summary>
    public int Sentences => SpeechText.Sentences(Chapter.Text).Count;

    public string Total => HasAudio ? Clock(Chapter.AudioSeconds ?? 0) : $"{Sentences} 句";

    public async Task<IActionResult> OnGetAsync(string token, int chapterId, int autoplay = 0)
    {
        var holder = CardAuthentication.Of(HttpContext);
        var chapter = await Shelf.ChaptersOf(db, holder.SubDistrictId).AsNoTracking().Include(c => c.Book).FirstOrDefaultAsync(c => c.Id == chapterId);
        if (chapter is null)
        {
            return NotFound();
        }

        Token = token;
        Chapter = chapter;
        BookTitle = chapter.Book.Title;
        Autoplay = autoplay == 1;
        NextChapterId = await Shelf.ChaptersOf(db, holder.SubDistrictId).Where(c => c.BookId == chapter.BookId && c.Number > chapter.Number)
            .OrderBy(c => c.Number).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        var saved = await db.ListeningProgress.AsNoTracking().Where(p => p.MemberId == holder.MemberId && p.ChapterId == chapterId)
            .Select(p => new { p.PositionSeconds, p.CompletedAt, p.UpdatedAt }).FirstOrDefaultAsync();
        Position = saved is null || ListeningProgress.JustFinished(saved.CompletedAt, saved.UpdatedAt) ? 0 : saved.PositionSeconds;
        return Page();
    }

    public sealed record ProgressInput(double Position, int Listened, bool Completed);

    /// <summary>The player saves every 10 seconds while playing, on pause, on leaving and at the end.</summary>
    public async Task<IActionResult> OnPostProgressAsync(int chapterId, [FromBody] ProgressInput input)
    {
        if (!double.IsFinite(input.Position))
        {
            return NotFound();
        }

        var holder = CardAuthentication.Of(HttpContext);
        var position = Math.Clamp(input.Position, 0, 24 * 3600);
        // At most what could have been heard since the last save (10 s at 1.5×, with slack for a slow network).
        var listened = Math.Clamp(input.Listened, 0, 120);
        var saved = await ListeningProgressSave.SaveAsync(db, holder.MemberId, holder.SubDistrictId, chapterId, position, listened, input.Completed, clock.GetUtcNow().UtcDateTime);
        return saved ? new NoContentResult() : NotFound();
    }

    public static string Clock(int seconds) => seconds >= 3600
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
}
