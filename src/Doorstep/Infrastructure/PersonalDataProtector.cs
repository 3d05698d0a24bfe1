using System.Security.Cryptography;
using System.Text;

namespace Doorstep.Infrastructure;

/// <summary>
/// Encrypts identity numbers and phones at rest (AES-256-GCM) and computes the keyed hash
/// (HMAC-SHA256) stored beside them for exact look-up. Both keys derive from one master key,
/// which lives outside the database so that a copied database file reveals nothing.
/// </summary>
public sealed class PersonalDataProtector
{
    private const byte FormatVersion = 1;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;
    private readonly byte[] _keyRingKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The personal-data key must be 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "doorstep/encrypt"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "doorstep/lookup"u8.ToArray());
        _keyRingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "doorstep/data-protection-keys"u8.ToArray());
    }

    public string Encrypt(string plain) => Convert.ToBase64String(Encrypt(Encoding.UTF8.GetBytes(plain)));

    /// <summary>For whole files that hold personal data, e.g. an uploaded roster kept between preview and import.</summary>
    public byte[] Encrypt(byte[] plainBytes) => Seal(_encryptionKey, plainBytes);

    public string Decrypt(string sealedText) => Encoding.UTF8.GetString(Decrypt(Convert.FromBase64String(sealedText)));

    public byte[] Decrypt(byte[] sealedBytes) => Open(_encryptionKey, sealedBytes);

    /// <summary>The cookie-signing keys (ASP.NET Core Data Protection), under a key of their own.</summary>
    public byte[] EncryptKeyRing(byte[] plainBytes) => Seal(_keyRingKey, plainBytes);

    public byte[] DecryptKeyRing(byte[] sealedBytes) => Open(_keyRingKey, sealedBytes);

    private static byte[] Seal(byte[] key, byte[] plainBytes)
    {
        var sealedBytes = new byte[1 + AesGcm.NonceByteSizes.MaxSize + plainBytes.Length + AesGcm.TagByteSizes.MaxSize];
        sealedBytes[0] = FormatVersion;
        var nonce = sealedBytes.AsSpan(1, AesGcm.NonceByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        var cipher = sealedBytes.AsSpan(1 + nonce.Length, plainBytes.Length);
        var tag = sealedBytes.AsSpan(1 + nonce.Length + plainBytes.Length);
        using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plainBytes, cipher, tag);
        return sealedBytes;
    }

    private static byte[] Open(byte[] key, byte[] sealedBytes)
    {
        if (sealedBytes.Length < 1 + 12 + 16 || sealedBytes[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown personal-data format.");
        }

        var nonce = sealedBytes.AsSpan(1, 12);
        var cipher = sealedBytes.AsSpan(13, sealedBytes.Length - 13 - 16);
        var tag = sealedBytes.AsSpan(sealedBytes.Length - 16);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(nonce, cipher, tag, plain);
        return plain;
    }

    public string Hash(string plain) =>
        Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(plain)));
}

/// <summary>How personal data is shown unless a permitted user deliberately reveals it.</summary>
public static class Masked
{
    /// <summary>Only the last four characters are stored in the clear, so a mask never needs a decryption.</summary>
    public static string IdNumber(string tail) => tail.Length == 0 ? "" : new string('*', 14) + tail;

    /// <summary>A mobile as *******1234; a landline with its area code as 021-****1234.</summary>
    public static string Phone(string? tail, string? areaCode = null) =>
        string.IsNullOrEmpty(tail) ? ""
        : string.IsNullOrEmpty(areaCode) ? new string('*', 7) + tail
        : $"{areaCode}-****{tail}";
}

public static class PersonalDataSetup
{
    public const string KeySetting = "Doorstep:PersonalDataKey";

    /// <summary>
    /// Production reads the key from configuration (an environment variable or a secret store) and
    /// refuses to start without it. Demo and development keep a generated key file in the data folder.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddSingleton(_ => new PersonalDataProtector(LoadKey(config, env)));
        return services;
    }

    private static byte[] LoadKey(IConfiguration config, IHostEnvironment env)
    {
        if (config[KeySetting] is { Length: > 0 } configured)
        {
            return Decode(configured, KeySetting);
        }

        if (!config.GetValue<bool>("Doorstep:DemoMode") && !env.IsDevelopment())
        {
            throw new PersonalDataKeyException(
                $"缺少个人信息密钥：请设置 {KeySetting}（32 个随机字节的 base64，如 `openssl rand -base64 32`）。" +
                $" The personal-data key is missing: set {KeySetting} (32 random bytes, base64) before starting Doorstep.");
        }

        var file = Path.Combine(DataDirectory.Resolve(config, env), "personal-data.key");
        if (!File.Exists(file))
        {
            using var stream = PrivateFile.CreateNew(file);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        return Decode(File.ReadAllText(file).Trim(), file);
    }

    private static byte[] Decode(string base64, string source)
    {
        var key = new byte[32];
        return Convert.TryFromBase64String(base64.Trim(), key, out var length) && length == 32
            ? key
            : throw new PersonalDataKeyException(
                $"个人信息密钥格式不对：{source} 应为 32 个字节的 base64。 The personal-data key in {source} is not 32 bytes of base64.");
    }
}

/// <summary>The personal-data key is missing, malformed, or not the one the database was written with.</summary>
public sealed class PersonalDataKeyException(string message) : Exception(message);
