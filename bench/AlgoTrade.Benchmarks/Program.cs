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

// phases <csv> <config>: cold, one-shot CPU time of each step the CLI takes (parse, backtest, JSON).
if (args is ["phases", var csvPath, var configPath])
{
    var process = Process.GetCurrentProcess();
    TimeSpan Cpu() { process.Refresh(); return process.TotalProcessorTime; }
    var t0 = Cpu();
    var w = Stopwatch.StartNew();
    var config = BacktestConfigReader.Read(File.ReadAllText(configPath)).Config!;
    var import = AlgoTrade.Core.Market.CandleCsvImporter.ImportFile(csvPath, AlgoTrade.Core.Market.Timeframe.Parse(config.Timeframe));
    var t1 = Cpu(); var w1 = w.Elapsed;
    var result = Backtester.Run(config, import.Candles);
    var t2 = Cpu(); var w2 = w.Elapsed;
    using (var sink = Stream.Null) { var json = BacktestJson.Serialize(result, indented: true); sink.Write(System.Text.Encoding.UTF8.GetBytes(json)); }
    var t3 = Cpu(); var w3 = w.Elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"parse {(t1 - t0).TotalMilliseconds:0} ms cpu / {w1.TotalMilliseconds:0} ms wall, backtest {(t2 - t1).TotalMilliseconds:0} / {(w2 - w1).TotalMilliseconds:0}, json {(t3 - t2).TotalMilliseconds:0} / {(w3 - w2).TotalMilliseconds:0}"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BacktestBenchmark).Assembly).Run(args);
return 0;
