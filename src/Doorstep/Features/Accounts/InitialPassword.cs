using System.Security.Cryptography;

namespace Doorstep.Features.Accounts;

/// <summary>
/// A password made for a person who will type it on a phone once: 12 characters that meet the password
/// rules (upper and lower case, a digit), without the look-alikes 0/O, 1/l/I.
/// </summary>
public static class InitialPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New()
    {
        var all = Upper + Lower + Digits;
        var chars = new char[12];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
