using Doorstep.Data;
using Doorstep.Features.Members;
using Doorstep.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Doorstep.Features.Listening;

/// <summary>
/// Names the member who holds a scanned 随身听 card, for other features (an activity's check-in):
/// the same look-up as <see cref="CardAuthentication"/>, by the token's keyed hash, revoked cards
/// refused. The scan carries the card's URL (…/listen/{token}) or, typed by hand, the token alone.
/// </summary>
public sealed class CardReader(DoorstepDb db, PersonalDataProtector protector) : IMemberCardReader
{
    public async Task<int?> MemberOfAsync(string scanned, CancellationToken cancellationToken)
    {
        var token = TokenOf(scanned);
        if (!CardToken.LooksValid(token))
        {
            return null;
        }

        var hash = CardToken.Hash(token!, protector);
        // Which member holds the card is what is being found out, so the look-up is the system's; the
        // caller then finds that member through its own scope, which decides what may be done.
        using (CurrentUserAccessor.ActAs(CurrentUser.System("随身听卡验证")))
        {
            return await db.ListeningCards.AsNoTracking().Where(c => c.TokenHash == hash && c.RevokedAt == null)
                .Select(c => (int?)c.MemberId).FirstOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>The token after "/listen/" in a URL (up to the next '/', '?' or '#'), or the trimmed text itself.</summary>
    public static string? TokenOf(string? scanned)
    {
        var text = scanned?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var at = text.IndexOf("/listen/", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var rest = text[(at + "/listen/".Length)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }
}
