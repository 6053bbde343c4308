namespace AlgoTrade.Core.Candles;

/// <summary>The column a coverage page is ordered by; ties fall back to exchange, symbol and timeframe length.</summary>
public enum CandleSeriesSort
{
    Exchange,
    Symbol,
    Timeframe,
    Candles,
    First,
    End,
    Gaps,
}
