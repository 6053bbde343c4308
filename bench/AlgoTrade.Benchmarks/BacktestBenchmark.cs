using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;
using BenchmarkDotNet.Attributes;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// ema_cross_rsi with stop-loss, take-profit, trailing stop and one partial take-profit over 1,000,000 one-minute
/// candles in memory. ns per candle = Mean / 1,000,000.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class BacktestBenchmark
{
    public const int CandleCount = 1_000_000;

    private Candle[] _candles = [];
    private BacktestConfig _config = null!;

    public static BacktestConfig Config() => BacktestConfigReader.Read("""
        {
          "symbol": "BTCUSDT", "timeframe": "1m",
          "strategy_type": "ema_cross_rsi",
          "strategy_params": {"ema_fast": 12, "ema_slow": 26, "rsi_period": 14, "rsi_overbought": 70},
          "initial_capital": 10000, "position_size_perc": 100,
          "stop_loss_perc": 1, "take_profit_perc": 2, "trailing_stop_perc": 0.5, "trailing_stop_active": true,
          "partial_take_profits_config": [{"percentage": 1, "ratio": 0.5}],
          "fee_rate": 0.001, "slippage_bps": 1
        }
        """).Config ?? throw new InvalidOperationException("benchmark config is invalid");

    [GlobalSetup]
    public void Setup()
    {
        _candles = SyntheticCandles.Generate(CandleCount);
        _config = Config();
    }

    [Benchmark(Description = "backtest 1M candles (ema_cross_rsi + SL/TP/trailing/partial)")]
    public BacktestResult Backtest() => Backtester.Run(_config, _candles);

    /// <summary>The floor: the strategy's three indicators alone, in a plain loop.</summary>
    [Benchmark(Baseline = true, Description = "indicators only (EMA 12, EMA 26, RSI 14)")]
    public double IndicatorsOnly()
    {
        var fast = new Ema(12);
        var slow = new Ema(26);
        var rsi = new Rsi(14);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan())
        {
            fast.Update(c.Close);
            slow.Update(c.Close);
            if (rsi.Update(c.Close)) sum += fast.Value - slow.Value + rsi.Value;
        }
        return sum;
    }

    internal static string Describe(BacktestResult result) => JsonSerializer.Serialize(result.Summary, BacktestJson.IndentedOptions);
}
