using Doorstep.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Doorstep.Features.Listening.Card;

/// <summary>The card's first page: a greeting by given name and the shelf. Nothing else about the member.</summary>
[Authorize(Policy = ListeningFeature.Listen)]
[EnableRateLimiting(ListeningFeature.CardRateLimit)]
public sealed class ShelfModel(DoorstepDb db) : PageModel
{
    public string Token { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    public IReadOnlyList<Shelf.BookLine> Books { get; private set; } = [];

    public async Task OnGetAsync(string token)
    {
        var holder = CardAuthentication.Of(HttpContext);
        Token = token;
        GivenName = holder.GivenName;
        Books = await Shelf.ReadAsync(db, holder, HttpContext.RequestAborted);
    }
}
