using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AlgoTrade.Core.Security;

/// <summary>Encrypts secrets for storage with ASP.NET Core Data Protection (key ring shared through PostgreSQL).</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _apiKey = provider.CreateProtector("AlgoTrade.ApiKeys.EncryptedApiKey.v1");
    private readonly IDataProtector _apiSecret = provider.CreateProtector("AlgoTrade.ApiKeys.EncryptedSecretKey.v1");
    private readonly IDataProtector _webhookSecret = provider.CreateProtector("AlgoTrade.Users.NotificationSigningSecret.v1");

    private readonly IDataProtector _emailBody = provider.CreateProtector("AlgoTrade.EmailDeliveries.Body.v1");
    private readonly IDataProtector _twoFactor = provider.CreateProtector("AlgoTrade.Users.TwoFactorSecret.v1");

    public string Protect(SecretPurpose purpose, string plaintext) => Protector(purpose).Protect(plaintext);

    /// <summary>Throws <see cref="SecretUnreadableException"/> (without the ciphertext) when the key ring cannot decrypt it.</summary>
    public string Unprotect(SecretPurpose purpose, string ciphertext)
    {
        try
        {
            return Protector(purpose).Unprotect(ciphertext);
        }
        catch (CryptographicException ex)
        {
            throw new SecretUnreadableException(purpose, ex);
        }
    }

    private IDataProtector Protector(SecretPurpose purpose) => purpose switch
    {
        SecretPurpose.ApiKey => _apiKey,
        SecretPurpose.ApiSecret => _apiSecret,
        SecretPurpose.WebhookSigningSecret => _webhookSecret,
        SecretPurpose.EmailBody => _emailBody,
        SecretPurpose.TwoFactorSecret => _twoFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
