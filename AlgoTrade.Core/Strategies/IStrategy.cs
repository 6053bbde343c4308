using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies;

/// <summary>
/// Turns each closed candle (and, through its indicators, the history before it) into a signal. A strategy never
/// sees the position: the risk engine ignores <see cref="Signal.Enter"/> while in a position and
/// <see cref="Signal.Exit"/> while flat, so the same candles always give the same signals.
/// </summary>
public interface IStrategy
{
    string Type { get; }

    /// <summary>Candles that must be fed before the first signal can be anything but None.</summary>
    int WarmUpPeriod { get; }

    Signal OnCandle(in Candle candle);

    void Reset();
}
