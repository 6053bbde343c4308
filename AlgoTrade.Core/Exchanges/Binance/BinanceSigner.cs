using System.Security.Cryptography;
using System.Text;

namespace AlgoTrade.Core.Exchanges.Binance;

public static class BinanceSigner
{
    /// <summary>Lower-case hex HMAC-SHA256 of the total parameters (query string followed by body).</summary>
    public static string Sign(string payload, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
}
