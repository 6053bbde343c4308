using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AlgoTrade.Core.Email;

/// <summary>
/// Signed "user U no longer wants emails of type T" tokens for the link in every notification email, so unsubscribing
/// works without signing in. They only ever switch email off, so they do not expire.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AlgoTrade.Email.Unsubscribe.v1");

    public string Create(int userId, string type) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{userId}:{type}"));

    public (int UserId, string Type)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var text = _protector.Unprotect(token);
            var colon = text.IndexOf(':');
            return colon > 0 && int.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (id, text[(colon + 1)..]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
