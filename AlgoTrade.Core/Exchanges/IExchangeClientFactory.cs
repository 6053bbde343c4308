namespace AlgoTrade.Core.Exchanges;

public interface IExchangeClientFactory
{
    /// <summary>
    /// A client for one of <see cref="Domain.ExchangeNames"/>. binance/binance_testnet use <paramref name="credentials"/>
    /// (public data works without); paper/simulated keep virtual balances for <paramref name="botId"/>.
    /// </summary>
    IExchangeClient Create(string exchangeName, ExchangeCredentials? credentials = null, int? botId = null);
}
