using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using BenchmarkDotNet.Attributes;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// A rules strategy with three entry conditions — EMA(12) crosses above EMA(26) and RSI(14) &lt; 70 and ADX(14) &gt; 20 —
/// exiting when the EMAs cross back, with the same risk settings as <see cref="BacktestBenchmark"/>, over 1,000,000
/// one-minute candles. M candles/s = 1,000 / (Mean in ms).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class RuleBacktestBenchmark
{
    private Candle[] _candles = [];
    private BacktestConfig _config = null!;

    public const string Rules = """
        {"version": 1,
         "entry": {"all": [
           {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}},
           {"left": {"ind": "rsi", "period": 14}, "op": "<", "right": 70},
           {"left": {"ind": "adx", "period": 14, "out": "adx"}, "op": ">", "right": 20}
         ]},
         "exit": {"left": {"ind": "ema", "period": 12}, "op": "crosses_below", "right": {"ind": "ema", "period": 26}}}
        """;

    public static BacktestConfig Config() => BacktestConfigReader.Read($$"""
        {
          "symbol": "BTCUSDT", "timeframe": "1m",
          "strategy_type": "rules",
          "strategy_params": {{Rules}},
          "initial_capital": 10000, "position_size_perc": 100,
          "stop_loss_perc": 1, "take_profit_perc": 2, "trailing_stop_perc": 0.5, "trailing_stop_active": true,
          "partial_take_profits_config": [{"percentage": 1, "ratio": 0.5}],
          "fee_rate": 0.001, "slippage_bps": 1
        }
        """).Config ?? throw new InvalidOperationException("rule benchmark config is invalid");

    [GlobalSetup]
    public void Setup()
    {
        _candles = SyntheticCandles.Generate(BacktestBenchmark.CandleCount);
        _config = Config();
    }

    [Benchmark(Description = "backtest 1M candles, rules: EMA cross AND RSI < 70 AND ADX > 20 (+ SL/TP/trailing/partial)")]
    public BacktestResult Backtest() => Backtester.Run(_config, _candles);
}
