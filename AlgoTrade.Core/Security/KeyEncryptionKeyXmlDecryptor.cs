using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Security;

/// <summary>Created by Data Protection (by type name from the stored XML) to decrypt what <see cref="KeyEncryptionKeyXmlEncryptor"/> wrote.</summary>
public sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var kek = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException("This key of the key ring was encrypted with a key-encryption key, and none is configured (DataProtection:KeyFile or DataProtection:Key).");
        var id = (string?)encryptedElement.Element("kekId");
        if (id != kek.Id)
            throw new CryptographicException($"This key of the key ring was encrypted with key-encryption key {id}; the configured one is {kek.Id}.");
        var input = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        const int header = KeyEncryptionKeyXmlEncryptor.NonceSize + KeyEncryptionKeyXmlEncryptor.TagSize;
        if (input.Length < header)
            throw new CryptographicException("The encrypted key is truncated.");
        var plaintext = new byte[input.Length - header];
        using (var aes = new AesGcm(kek.Key, KeyEncryptionKeyXmlEncryptor.TagSize))
            aes.Decrypt(input.AsSpan(0, KeyEncryptionKeyXmlEncryptor.NonceSize), input.AsSpan(header),
                input.AsSpan(KeyEncryptionKeyXmlEncryptor.NonceSize, KeyEncryptionKeyXmlEncryptor.TagSize), plaintext, Encoding.UTF8.GetBytes(kek.Id));
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
