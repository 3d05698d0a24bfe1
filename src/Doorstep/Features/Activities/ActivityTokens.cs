using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Activities;

/// <summary>
/// The secrets in two links (ADR 0019): an occurrence's check-in link, printed as a QR code at the
/// door, and an area's calendar feed, which calendar apps fetch without a cookie. Each is an HMAC of
/// what it opens under the personal-data lookup key, so it cannot be guessed from an id, needs no
/// table, and changes with nothing but that key.
/// </summary>
public sealed class ActivityTokens(PersonalDataProtector protector)
{
    public string CheckIn(int activityId, DateOnly date) =>
        protector.Hash(string.Create(CultureInfo.InvariantCulture, $"activity-check-in:{activityId}:{date:yyyy-MM-dd}"))[..20].ToLowerInvariant();

    public string Feed(int areaId) =>
        protector.Hash(string.Create(CultureInfo.InvariantCulture, $"activity-feed:area:{areaId}"))[..24].ToLowerInvariant();

    public static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
