using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Exchanges;

namespace AlgoTrade.Core.Runtime;

public sealed class ApiKeyCredentialsProvider(ApiKeyService keys) : IBotCredentialsProvider
{
    public Task<ExchangeCredentials?> GetAsync(int userId, string exchangeName, CancellationToken ct) =>
        keys.GetCredentialsAsync(userId, exchangeName, ct);
}
