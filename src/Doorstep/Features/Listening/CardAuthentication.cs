using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Doorstep.Data;
using Doorstep.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Doorstep.Features.Listening;

/// <summary>
/// Signs a request in by the card token in its URL (/listen/{token}/…): no cookie, no password. The
/// card is looked up by its keyed hash, or found among those looked up in the last 30 seconds
/// (<see cref="CardHolders"/>, forgotten when a card is revoked or replaced, so it stops at once). The
/// holder is a <see cref="Roles.CardHolder"/> whose scope is their own member (ScopeKind.MemberCard).
/// A token that opens nothing gets 404, the same as a page that does not exist; an address that keeps
/// guessing gets 429 (<see cref="CardGuesses"/>).
/// </summary>
public sealed class CardAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DoorstepDb db, PersonalDataProtector protector, CardGuesses guesses, CardHolders holders)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ListeningCard";

    /// <summary>The card found for this request, for the pages (the member's given name).</summary>
    public sealed record Holder(int CardId, int MemberId, int SubDistrictId, string GivenName);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Context.GetRouteValue("token") as string;
        if (!guesses.MayTry(Context))
        {
            Context.Items[typeof(CardGuesses)] = true;
            return AuthenticateResult.Fail("too many guesses");
        }

        Holder? holder = null;
        if (CardToken.LooksValid(token))
        {
            var hash = CardToken.Hash(token!, protector);
            holder = await holders.FindAsync(hash, () => LookUpAsync(hash));
        }

        if (holder is null)
        {
            guesses.Missed(Context);
            return AuthenticateResult.Fail("no such card");
        }

        Context.Items[typeof(Holder)] = holder;
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"card:{holder.CardId}"),
            new Claim(ClaimTypes.Name, $"随身听卡（{holder.GivenName}）"),
            new Claim(ClaimTypes.Role, Roles.CardHolder),
            new Claim(DataScope.Claims.Member, holder.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(DataScope.Claims.SubDistrict, holder.SubDistrictId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<Holder?> LookUpAsync(string hash)
    {
        // Who holds this card is what we are finding out: the look-up is the system's, by the hash alone.
        using (CurrentUserAccessor.ActAs(CurrentUser.System("随身听卡验证")))
        {
            var found = await db.ListeningCards.AsNoTracking()
                .Where(c => c.TokenHash == hash && c.RevokedAt == null)
                .Select(c => new Holder(c.Id, c.MemberId, c.SubDistrictId, c.Member.Name))
                .FirstOrDefaultAsync(Context.RequestAborted);
            return found is null ? null : found with { GivenName = GivenName.Of(found.GivenName) };
        }
    }

    /// <summary>Nothing about why: no card, a revoked card and a wrong token all look like a missing page.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = Context.Items.ContainsKey(typeof(CardGuesses));
        Response.StatusCode = refused ? (int)HttpStatusCode.TooManyRequests : (int)HttpStatusCode.NotFound;
        if (refused)
        {
            Response.Headers.RetryAfter = "600";
        }

        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => HandleChallengeAsync(properties);

    public static Holder Of(HttpContext http) =>
        http.Items[typeof(Holder)] as Holder ?? throw new InvalidOperationException("The card page ran without its card.");
}

/// <summary>
/// Counts tokens that opened nothing, per client address: after 10 in 10 minutes that address gets
/// 429 for every unknown token until the window passes. Working cards are never slowed by it; the
/// routes' own limiter (ListeningFeature.CardRateLimit) holds every address to a listener's pace.
/// Per node, in memory: with n nodes a guesser gets n times as many tries, still nothing against 2^144.
/// </summary>
public sealed class CardGuesses : IDisposable
{
    public const int Allowed = 10;

    private readonly PartitionedRateLimiter<string> _misses = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Allowed,
            Window = TimeSpan.FromMinutes(10),
            QueueLimit = 0,
        }));

    public bool MayTry(HttpContext http) => _misses.GetStatistics(Address(http))?.CurrentAvailablePermits is not 0;

    public void Missed(HttpContext http)
    {
        using var lease = _misses.AttemptAcquire(Address(http));
    }

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _misses.Dispose();
}
