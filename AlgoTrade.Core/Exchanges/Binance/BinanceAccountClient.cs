namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Signed account endpoints (Binance.Net's SpotApi.Account).</summary>
public sealed class BinanceAccountClient
{
    private readonly BinanceTransport _transport;

    internal BinanceAccountClient(BinanceTransport transport) => _transport = transport;

    public async Task<ExchangeResult<AccountInfo>> GetAccountInfoAsync(CancellationToken ct = default)
    {
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/account", [new("omitZeroBalances", "true")], signed: true, weight: 20, ct);
        return result.Map(r => new AccountInfo(
            r.TryGetProperty("canTrade", out var trade) && trade.GetBoolean(),
            r.TryGetProperty("canWithdraw", out var withdraw) && withdraw.GetBoolean(),
            r.GetProperty("balances").EnumerateArray()
                .Select(b => new Balance(BinanceJson.String(b, "asset"), BinanceJson.Decimal(b, "free"), BinanceJson.Decimal(b, "locked")))
                .ToList()));
    }

    /// <summary>GET /sapi/v1/account/apiRestrictions: whether the key is IP-restricted and may withdraw (not on the testnet).</summary>
    public async Task<ExchangeResult<ApiKeyRestrictions>> GetApiKeyRestrictionsAsync(CancellationToken ct = default)
    {
        var result = await _transport.SendAsync(HttpMethod.Get, "/sapi/v1/account/apiRestrictions", [], signed: true, weight: 1, ct);
        return result.Map(r => new ApiKeyRestrictions(
            Flag(r, "ipRestrict"), Flag(r, "enableWithdrawals"), Flag(r, "enableSpotAndMarginTrading"), Flag(r, "enableReading")));
    }

    private static bool Flag(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.GetBoolean();
}
