using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Doorstep.Features.Accounts;

/// <summary>
/// A password hash that belongs to no one. Signing in with an unknown user name checks the password
/// against it, so that the answer takes as long as for a known name with a wrong password and the
/// timing does not tell which user names exist.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<UserAccount> hasher)
{
    private static readonly UserAccount NoOne = new() { DisplayName = "" };
    private static string? _hash;

    public void Check(string password)
    {
        // Made with the app's own hasher, so it carries the configured iteration count.
        _hash ??= hasher.HashPassword(NoOne, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(NoOne, _hash, password);
    }
}
