using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Runs a strategy and the <see cref="RiskEngine"/> over candles in memory with the <see cref="SimulatedBroker"/>.
/// The strategy sees every candle of the range from the first, so its warm-up is spent inside the range.
/// </summary>
public static class Backtester
{
    public const int MaxEquityPoints = 2000;

    /// <summary>How many candles run between two calls of a progress callback.</summary>
    public const int ProgressInterval = 4096;

    /// <summary>Validates the config, selects the candles in [start, end) and runs. Throws on an invalid config or empty range.</summary>
    public static BacktestResult Run(BacktestConfig config, ReadOnlySpan<Candle> candles, Action<int, int>? progress = null)
    {
        var errors = BacktestConfigValidator.Validate(config);
        if (errors.Count > 0)
            throw new ArgumentException("Invalid backtest config: " + string.Join(" ", Validation.ValidationErrors.Describe(errors)), nameof(config));
        var range = SelectRange(candles, config.Start, config.End);
        if (range.IsEmpty)
            throw new ArgumentException("No candles between start and end.", nameof(candles));
        var strategy = StrategyRegistry.Create(config.StrategyType, config.StrategyParams);
        return Run(strategy, config.Risk, Timeframe.Parse(config.Timeframe), range, progress: progress);
    }

    /// <summary>
    /// Runs <paramref name="candles"/>; <paramref name="ticks"/> (ascending time, optional) are prices seen between
    /// candle closes, each run as a <see cref="RiskEngine.PriceStep"/> before the candle it falls in closes, exactly as
    /// a live bot ticking at those instants does. Without ticks every candle is seen only at its open and close.
    /// <paramref name="progress"/> (candles run, of total) is called every <see cref="ProgressInterval"/> candles; it may
    /// throw (an OperationCanceledException) to stop the run.
    /// </summary>
    public static BacktestResult Run(IStrategy strategy, RiskSettings settings, Timeframe timeframe, ReadOnlySpan<Candle> candles,
        ReadOnlySpan<PriceTick> ticks = default, Action<int, int>? progress = null)
    {
        if (candles.IsEmpty) throw new ArgumentException("No candles to backtest.", nameof(candles));
        var engine = new RiskEngine(settings, timeframe);
        var state = engine.State;
        var broker = new SimulatedBroker((double)settings.FeeRate, state);
        var equity = new EquityTracker((double)settings.InitialCapital, candles.Length, MaxEquityPoints);
        var step = timeframe.Duration.Ticks;
        var last = candles.Length - 1;
        var tick = 0;

        for (var i = 0; i <= last; i++)
        {
            if ((i & (ProgressInterval - 1)) == 0 && progress is not null) progress(i, candles.Length);
            ref readonly var candle = ref candles[i];
            var closeTicks = candle.OpenTime.Ticks + step;
            var exposed = state.Quantity > 0 || state.PendingOrder == PendingOrder.Buy;
            for (; tick < ticks.Length && ticks[tick].Time.Ticks < closeTicks; tick++)
                engine.OnPrice(ticks[tick].Time, ticks[tick].Price, ref broker);
            var signal = strategy.OnCandle(in candle);
            engine.OnCandle(in candle, signal, ref broker);
            if (i == last && engine.TryExitEndOfData(in candle, out var intent))
            {
                var fill = broker.Execute(in intent);
                var pnl = engine.ApplyFill(in intent, in fill);
                broker.Filled(in intent, in fill, pnl);
            }
            var closeTime = new DateTime(closeTicks, DateTimeKind.Utc);
            equity.Add(candle.OpenTime, closeTime, engine.Equity(candle.Close), exposed);
        }

        var first = candles[0];
        var end = candles[last];
        var summary = BacktestMetrics.Compute(equity, broker.RoundTrips, broker.Trades.Count, state.FeesPaid,
            first.OpenTime, end.OpenTime.AddTicks(step), first.Open, end.Close);
        return new BacktestResult(summary, equity.Curve, broker.Trades, broker.Log);
    }

    /// <summary>The candles opening in [start, end); candles must be in ascending time order.</summary>
    public static ReadOnlySpan<Candle> SelectRange(ReadOnlySpan<Candle> candles, DateTime? start, DateTime? end)
    {
        var from = start is { } s ? LowerBound(candles, s.Ticks) : 0;
        var to = end is { } e ? LowerBound(candles, e.Ticks) : candles.Length;
        return to > from ? candles[from..to] : [];
    }

    private static int LowerBound(ReadOnlySpan<Candle> candles, long ticks)
    {
        int lo = 0, hi = candles.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (candles[mid].OpenTime.Ticks < ticks) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
