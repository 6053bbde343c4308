using System.Diagnostics;
using System.Globalization;
using AlgoTrade.Benchmarks;
using AlgoTrade.Core.Backtesting;
using BenchmarkDotNet.Running;

// generate-csv <path> [rows]: a Binance-format kline CSV for timing the CLI (see docs/backtesting.md).
if (args is ["generate-csv", var path, ..])
{
    var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : BacktestBenchmark.CandleCount;
    SyntheticCandles.WriteBinanceCsv(path, SyntheticCandles.Generate(rows));
    Console.WriteLine($"Wrote {rows:N0} candles to {path}");
    return 0;
}

// quick: timed runs without BenchmarkDotNet, for a sanity check (no tiered-JIT warm-up, so slower than the benchmark).
if (args is ["quick"])
{
    var candles = SyntheticCandles.Generate(BacktestBenchmark.CandleCount);
    var config = BacktestBenchmark.Config();
    Backtester.Run(config, candles);
    var watch = Stopwatch.StartNew();
    const int runs = 5;
    BacktestResult result = null!;
    for (var i = 0; i < runs; i++) result = Backtester.Run(config, candles);
    var ns = watch.Elapsed.TotalNanoseconds / runs / candles.Length;
    Console.WriteLine(BacktestBenchmark.Describe(result));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns/candle, {1000 / ns:0.0} M candles/s"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BacktestBenchmark).Assembly).Run(args);
return 0;
