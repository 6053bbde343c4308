using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Core.Monitoring;

/// <summary>
/// The indicator lines a strategy decides on (<see cref="StrategyDefinition.Plots"/>), computed by the same
/// indicator feeds rules run on over the same closed candles, so what the trader sees is what the bot saw.
/// Outputs drawn over the price share pane 0; every other indicator instance gets a pane of its own below.
/// </summary>
public static class StrategyOverlays
{
    /// <summary>Panes below the price; further oscillators share the last one rather than squeezing the candles.</summary>
    public const int MaxOscillatorPanes = 3;

    private static readonly string[] Palette = ["#f59e0b", "#6366f1", "#a855f7", "#0ea5e9", "#ec4899", "#14b8a6", "#a16207", "#64748b"];

    public static IReadOnlyList<ChartOverlay> For(StrategyDefinition strategy, StrategyParameters parameters, IReadOnlyList<Kline> klines) =>
        For(strategy.Plots(parameters), klines);

    public static IReadOnlyList<ChartOverlay> For(IReadOnlyList<RulePlot> plots, IReadOnlyList<Kline> klines) =>
        For(plots, klines.Select(k => k.ToCandle()).ToArray());

    /// <summary>Every point from the first warmed-up candle on; <see cref="ChartPoint.Time"/> is the candle's open time.</summary>
    public static IReadOnlyList<ChartOverlay> For(IReadOnlyList<RulePlot> plots, ReadOnlySpan<Candle> candles)
    {
        var panes = new Dictionary<string, int>(StringComparer.Ordinal);
        var points = new Dictionary<string, List<ChartPoint>[]>(StringComparer.Ordinal);
        foreach (var instance in plots.GroupBy(p => p.InstanceKey))
        {
            var first = instance.First();
            var feed = first.CreateFeed();
            var series = new List<ChartPoint>[first.Indicator.Outputs.Count];
            foreach (var plot in instance) series[plot.Output] = new List<ChartPoint>(candles.Length);
            var fed = 0;
            foreach (ref readonly var candle in candles)
            {
                feed.Update(candle);
                if (++fed < feed.WarmUpPeriod) continue;
                var time = new DateTimeOffset(candle.OpenTime, TimeSpan.Zero).ToUnixTimeSeconds();
                for (var i = 0; i < series.Length; i++)
                    if (series[i] is { } line && feed.Output(i) is var v && double.IsFinite(v))
                        line.Add(new ChartPoint(time, v));
            }
            points[instance.Key] = series;
            if (instance.Any(p => !p.OnPrice))
                panes[instance.Key] = Math.Min(panes.Count + 1, MaxOscillatorPanes);
        }
        return plots.Select((p, i) => new ChartOverlay(p.Id, p.Label, Palette[i % Palette.Length], p.OnPrice ? 0 : panes[p.InstanceKey], points[p.InstanceKey][p.Output])).ToList();
    }
}
