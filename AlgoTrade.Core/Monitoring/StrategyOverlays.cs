using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Monitoring;

/// <summary>
/// The indicator lines a strategy decides on, computed with the same indicator classes over the same closed candles,
/// so what the trader sees is what the bot saw.
/// </summary>
public static class StrategyOverlays
{
    public static IReadOnlyList<ChartOverlay> For(string strategyType, StrategyParameters p, IReadOnlyList<Kline> klines) => strategyType switch
    {
        EmaCrossRsiStrategy.TypeName =>
        [
            Line($"EMA {p.Int("ema_fast")}", "ema_fast", "#f59e0b", 0, klines, new Ema(p.Int("ema_fast")), (i, x) => i.Update(x) ? i.Value : null),
            Line($"EMA {p.Int("ema_slow")}", "ema_slow", "#6366f1", 0, klines, new Ema(p.Int("ema_slow")), (i, x) => i.Update(x) ? i.Value : null),
            Line($"RSI {p.Int("rsi_period")}", "rsi", "#a855f7", 1, klines, new Rsi(p.Int("rsi_period")), (i, x) => i.Update(x) ? i.Value : null),
        ],
        RsiMeanReversionStrategy.TypeName =>
        [
            Line($"RSI {p.Int("rsi_period")}", "rsi", "#a855f7", 1, klines, new Rsi(p.Int("rsi_period")), (i, x) => i.Update(x) ? i.Value : null),
        ],
        MacdCrossStrategy.TypeName =>
        [
            Line("MACD", "macd", "#0ea5e9", 1, klines, new Macd(p.Int("macd_fast"), p.Int("macd_slow"), p.Int("macd_signal")), (i, x) => i.Update(x) ? i.Line : null),
            Line("Signal", "macd_signal", "#f97316", 1, klines, new Macd(p.Int("macd_fast"), p.Int("macd_slow"), p.Int("macd_signal")), (i, x) => i.Update(x) ? i.Signal : null),
        ],
        BollingerReversionStrategy.TypeName =>
        [
            Line("Upper band", "bb_upper", "#94a3b8", 0, klines, new BollingerBands(p.Int("bb_period"), p.Double("bb_std_dev")), (i, x) => i.Update(x) ? i.Upper : null),
            Line($"SMA {p.Int("bb_period")}", "bb_middle", "#6366f1", 0, klines, new BollingerBands(p.Int("bb_period"), p.Double("bb_std_dev")), (i, x) => i.Update(x) ? i.Middle : null),
            Line("Lower band", "bb_lower", "#94a3b8", 0, klines, new BollingerBands(p.Int("bb_period"), p.Double("bb_std_dev")), (i, x) => i.Update(x) ? i.Lower : null),
        ],
        _ => [],
    };

    private static ChartOverlay Line<T>(string label, string id, string color, int pane, IReadOnlyList<Kline> klines, T indicator, Func<T, double, double?> step)
    {
        var points = new List<ChartPoint>(klines.Count);
        foreach (var k in klines)
        {
            if (step(indicator, (double)k.Close) is { } v && double.IsFinite(v))
                points.Add(new ChartPoint(new DateTimeOffset(k.OpenTime, TimeSpan.Zero).ToUnixTimeSeconds(), v));
        }
        return new ChartOverlay(id, label, color, pane, points);
    }
}
