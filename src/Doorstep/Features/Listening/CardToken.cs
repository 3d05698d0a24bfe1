using System.Security.Cryptography;
using Doorstep.Infrastructure;

namespace Doorstep.Features.Listening;

/// <summary>
/// The secret a card's QR code carries: 144 random bits, base64url (24 characters, a small QR code).
/// Only its keyed hash is stored (ADR 0018): the personal-data key's look-up HMAC over the token with
/// its own prefix, so a copy of the database opens no shelf and a guess cannot be checked offline.
/// </summary>
public static class CardToken
{
    public const int Bytes = 18;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token, PersonalDataProtector protector) => protector.Hash("listening-card:" + token);

    /// <summary>Anything that cannot be a token is refused before the database is asked.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 24 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
