namespace AlgoTrade.Core.Security;

/// <summary>Each encrypted column gets its own Data Protection purpose, so a value cannot be decrypted as another column's.</summary>
public enum SecretPurpose
{
    ApiKey,
    ApiSecret,
    WebhookSigningSecret,
    EmailBody,
    TwoFactorSecret,
}
