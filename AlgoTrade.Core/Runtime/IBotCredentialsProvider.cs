using AlgoTrade.Core.Exchanges;

namespace AlgoTrade.Core.Runtime;

/// <summary>The decrypted credentials of a user's valid key for an exchange, or null when there is none.</summary>
public interface IBotCredentialsProvider
{
    Task<ExchangeCredentials?> GetAsync(int userId, string exchangeName, CancellationToken ct);
}
