using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>One stored series: whose candles (the market data source), which symbol, which timeframe.</summary>
public sealed record CandleSeriesKey(string Exchange, string Symbol, Timeframe Timeframe)
{
    /// <summary>Normalised key: symbols in upper case, and paper's market data stored as the Binance candles it is.</summary>
    public static CandleSeriesKey For(string exchange, string symbol, Timeframe timeframe) =>
        new(SourceOf(exchange.Trim()), symbol.Trim().ToUpperInvariant(), timeframe);

    /// <summary>Paper trades on Binance's public prices, so both read and fill the same series.</summary>
    public static string SourceOf(string exchange) => exchange == ExchangeNames.Paper ? ExchangeNames.Binance : exchange;

    public override string ToString() => $"{Exchange} {Symbol} {Timeframe.Code}";
}
