using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Doorstep.Infrastructure;

/// <summary>
/// Encrypts each cookie-signing key (its &lt;descriptor&gt;, which holds the &lt;masterKey&gt;) before
/// it is stored in the DataProtectionKeys table, with AES-GCM under a key derived from the
/// personal-data key. A copied database then cannot forge sign-in cookies or read antiforgery tokens.
/// </summary>
public sealed class KeyRingEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the personal-data key (Doorstep:PersonalDataKey). "),
            new XElement("value", Convert.ToBase64String(protector.EncryptKeyRing(plain))));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Made by Data Protection from the type name stored with each key, hence the service-provider constructor.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new InvalidOperationException("A stored cookie-signing key has no encrypted value."));
        return XElement.Parse(Encoding.UTF8.GetString(protector.DecryptKeyRing(sealedBytes)));
    }
}

public static class KeyRingEncryption
{
    /// <summary>New keys are stored encrypted; keys stored before this in plain XML are still read until they expire.</summary>
    public static IServiceCollection EncryptKeyRingWithPersonalDataKey(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<PersonalDataProtector>())));
        return services;
    }
}
