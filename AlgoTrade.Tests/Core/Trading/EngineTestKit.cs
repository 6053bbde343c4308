using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>Signals by candle index, so fill-model tests control exactly when the engine is asked to trade.</summary>
internal sealed class ScriptedStrategy(params Signal[] signals) : IStrategy
{
    private int _index;
    public string Type => "scripted";
    public int WarmUpPeriod => 0;
    public Signal OnCandle(in Candle candle) => _index < signals.Length ? signals[_index++] : Signal.None;
    public void Reset() => _index = 0;
}

internal static class EngineTestKit
{
    public static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An hourly candle opening <paramref name="hour"/> hours after <see cref="T0"/>.</summary>
    public static Candle Bar(int hour, double open, double high, double low, double close) =>
        new(T0.AddHours(hour), open, high, low, close, 1);

    public static DateTime At(int hour) => T0.AddHours(hour);

    public static RiskSettings Settings(Func<RiskSettings, RiskSettings>? tweak = null)
    {
        var s = new RiskSettings { InitialCapital = 1000, PositionSizePerc = 100, FeeRate = 0 };
        return tweak is null ? s : tweak(s);
    }

    public static BacktestResult Run(RiskSettings settings, Signal[] signals, params Candle[] candles) =>
        Backtester.Run(new ScriptedStrategy(signals), settings, Timeframe.H1, candles);

    /// <summary>
    /// Hourly candles of a seeded random walk (±1.5 % a candle, wicks up to 1 %) with a random signal each; with
    /// <paramref name="gap"/> each open also jumps up to ±gap/2 from the previous close.
    /// </summary>
    public static (Candle[] Candles, Signal[] Signals) RandomWalk(int count, int seed, double gap = 0)
    {
        var random = new Random(seed);
        var candles = new Candle[count];
        var signals = new Signal[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = gap > 0 ? price * (1 + (random.NextDouble() - 0.5) * gap) : price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.03);
            var high = Math.Max(open, close) * (1 + random.NextDouble() * 0.01);
            var low = Math.Min(open, close) * (1 - random.NextDouble() * 0.01);
            candles[i] = new Candle(T0.AddHours(i), open, high, low, close, 1);
            signals[i] = (Signal)random.Next(3);
            price = close;
        }
        return (candles, signals);
    }

    /// <summary>A fill as text, rounded to 10 decimals so that 100·1.1 reads as 110.</summary>
    public static string Describe(BacktestTrade t) =>
        FormattableString.Invariant($"{t.Time:HH:mm} {t.Side} {t.Quantity:0.##########}@{t.Price:0.##########} {t.Reason}");
}
