using System.Security.Cryptography;
using System.Text;

namespace AlgoTrade.Core.Notifications;

/// <summary>HMAC-SHA256 of the exact request body with the user's signing secret, so receivers can tell our calls from forgeries.</summary>
public static class WebhookSigner
{
    public const string SignatureHeader = "X-AlgoTrade-Signature";
    public const string DeliveryHeader = "X-AlgoTrade-Delivery";
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <returns>The header value, <c>sha256=&lt;lower-case hex&gt;</c>.</returns>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
