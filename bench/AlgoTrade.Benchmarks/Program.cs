using System.Diagnostics;
using System.Globalization;
using AlgoTrade.Benchmarks;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Strategies;
using BenchmarkDotNet.Running;

// generate-csv <path> [rows]: a Binance-format kline CSV for timing the CLI (see docs/backtesting.md).
if (args is ["generate-csv", var path, ..])
{
    var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : BacktestBenchmark.CandleCount;
    SyntheticCandles.WriteBinanceCsv(path, SyntheticCandles.Generate(rows));
    Console.WriteLine($"Wrote {rows:N0} candles to {path}");
    return 0;
}

// coverage <connection> [rows] [others] [runs]: candle coverage time on a store holding a series of `rows` 1m candles
// (default 1,000,000) and `others` more series (default 50); see bench/candle-coverage.sh and docs/backtesting.md.
if (args is ["coverage", var connection, ..])
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await CoverageBenchmark.RunAsync(connection, Arg(2, 1_000_000), Arg(3, 50), Arg(4, 20));
    return 0;
}

// coverage-page <connection> [series] [candles] [gaps] [runs]: the Candles page's paged coverage query on a store of
// `series` series (default 2,000) of `candles` candles (500) with `gaps` holes each (20); see bench/candle-coverage-page.sh.
if (args is ["coverage-page", var pageConnection, ..])
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await CoveragePageBenchmark.RunAsync(pageConnection, Arg(2, 2_000), Arg(3, 500), Arg(4, 20), Arg(5, 20));
    return 0;
}

// quick [rules]: timed runs of the ema_cross_rsi (or the three-condition rules) backtest without BenchmarkDotNet, for a sanity check (no tiered-JIT warm-up, so slower than the benchmark).
if (args is ["quick"] or ["quick", "rules"])
{
    var candles = SyntheticCandles.Generate(BacktestBenchmark.CandleCount);
    var config = args.Length == 2 ? RuleBacktestBenchmark.Config() : BacktestBenchmark.Config();
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

// sweep: evaluations per second of the 1,000-point sweep on 2 cores (SweepBenchmark), without BenchmarkDotNet.
if (args is ["sweep"])
{
    SweepBenchmark.Quick();
    return 0;
}

// sweep-tpe: a 100-point refinement (TPE) against 100 random points on the 1,000-point sweep's real backtests, 20 seeds.
if (args is ["sweep-tpe"])
{
    SweepRefinementComparison.Run();
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

// count <rules|ema_cross_rsi> <strategy|backtest> <passes> [candles]: a fixed amount of work to profile, e.g.
// DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -e cpu-clock dotnet AlgoTrade.Benchmarks.dll count rules strategy 100
// (not callgrind: under valgrind the JIT inlines far less, so its counts describe other code).
if (args is ["count", var which, var part, var passText, ..])
{
    var candles = SyntheticCandles.Generate(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 200_000);
    var config = which == "rules" ? RuleBacktestBenchmark.Config() : BacktestBenchmark.Config();
    var strategy = AlgoTrade.Core.Strategies.StrategyRegistry.Create(config.StrategyType, config.StrategyParams);
    var check = 0L;
    for (var pass = int.Parse(passText, CultureInfo.InvariantCulture); pass > 0; pass--)
    {
        if (part == "backtest")
        {
            check += Backtester.Run(config, candles).Trades.Count;
            continue;
        }
        strategy.Reset();
        foreach (ref readonly var c in candles.AsSpan()) check += (int)strategy.OnCandle(in c);
    }
    Console.WriteLine(check);
    return 0;
}

// min [candles] [rounds]: the fastest of many short runs of each case, interleaved — on a loaded machine the fastest run
// is the one the scheduler left alone, so this ranks changes where BenchmarkDotNet's mean only measures the load.
if (args is ["min", ..])
{
    var candles = SyntheticCandles.Generate(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000);
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
    var builtInConfig = BacktestBenchmark.Config();
    var rulesConfig = RuleBacktestBenchmark.Config();
    IStrategy Create(BacktestConfig c) => AlgoTrade.Core.Strategies.StrategyRegistry.Create(c.StrategyType, c.StrategyParams);
    var cases = new (string Name, Func<long> Run)[]
    {
        ("ema_cross_rsi backtest", () => Backtester.Run(Create(builtInConfig), builtInConfig.Risk, AlgoTrade.Core.Market.Timeframe.Parse("1m"), candles).Trades.Count),
        ("rules backtest", () => Backtester.Run(Create(rulesConfig), rulesConfig.Risk, AlgoTrade.Core.Market.Timeframe.Parse("1m"), candles).Trades.Count),
        ("ema_cross_rsi strategy", StrategyOnly(Create(builtInConfig))),
        ("rules strategy", StrategyOnly(Create(rulesConfig))),
        ("rule's 4 indicators only", () =>
        {
            var fast = new AlgoTrade.Core.Indicators.Ema(12);
            var slow = new AlgoTrade.Core.Indicators.Ema(26);
            var rsi = new AlgoTrade.Core.Indicators.Rsi(14);
            var adx = new AlgoTrade.Core.Indicators.Adx(14);
            var sum = 0.0;
            foreach (ref readonly var c in candles.AsSpan())
            {
                fast.Update(c.Close);
                slow.Update(c.Close);
                rsi.Update(c.Close);
                if (adx.Update(c.High, c.Low, c.Close)) sum += fast.Value - slow.Value + rsi.Value + adx.Value;
            }
            return (long)sum;
        }),
        ("rules: ema cross only", StrategyOnly(Rules("""{"version": 1, "entry": {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}}, "exit": {"left": {"ind": "ema", "period": 12}, "op": "crosses_below", "right": {"ind": "ema", "period": 26}}}"""))),
        ("rules: rsi < 70 only", StrategyOnly(Rules("""{"version": 1, "entry": {"left": {"ind": "rsi", "period": 14}, "op": "<", "right": 70}}"""))),
        ("rules: adx > 20 only", StrategyOnly(Rules("""{"version": 1, "entry": {"left": {"ind": "adx", "period": 14, "out": "adx"}, "op": ">", "right": 20}}"""))),
        ("rules: close > 1", StrategyOnly(Rules("""{"version": 1, "entry": {"left": "close", "op": ">", "right": 1}}"""))),
        ("ADX(14) only", () =>
        {
            var adx = new AlgoTrade.Core.Indicators.Adx(14);
            var sum = 0.0;
            foreach (ref readonly var c in candles.AsSpan())
                if (adx.Update(c.High, c.Low, c.Close)) sum += adx.Value;
            return (long)sum;
        }),
    };
    IStrategy Rules(string json) => AlgoTrade.Core.Strategies.StrategyRegistry.Create("rules", System.Text.Json.JsonDocument.Parse(json).RootElement);
    Func<long> StrategyOnly(IStrategy strategy) => () =>
    {
        strategy.Reset();
        var n = 0L;
        foreach (ref readonly var c in candles.AsSpan()) n += (int)strategy.OnCandle(in c);
        return n;
    };
    var best = new double[cases.Length];
    Array.Fill(best, double.MaxValue);
    for (var round = 0; round < rounds; round++)
    {
        if (round == 30) Thread.Sleep(500);   // let tiered compilation finish before the rounds that count
        for (var i = 0; i < cases.Length; i++)
        {
            var w = Stopwatch.StartNew();
            cases[i].Run();
            var ns = w.Elapsed.TotalNanoseconds / candles.Length;
            if (round >= 30) best[i] = Math.Min(best[i], ns);
        }
    }
    for (var i = 0; i < cases.Length; i++)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases[i].Name,-24} {best[i],6:0.0} ns/candle (fastest of {rounds - 30} runs of {candles.Length:N0} candles)"));
    return 0;
}

if (args is ["parts"])
{
    var candles = SyntheticCandles.Generate(BacktestBenchmark.CandleCount);
    var rules = (AlgoTrade.Core.Strategies.Rules.RuleStrategy)AlgoTrade.Core.Strategies.StrategyRegistry.Create("rules", System.Text.Json.JsonDocument.Parse(RuleBacktestBenchmark.Rules).RootElement);
    for (var round = 0; round < 4; round++)
    {
        var w = Stopwatch.StartNew();
        var ema1 = new AlgoTrade.Core.Indicators.Ema(12); var ema2 = new AlgoTrade.Core.Indicators.Ema(26); var rsi = new AlgoTrade.Core.Indicators.Rsi(14); var adx = new AlgoTrade.Core.Indicators.Adx(14);
        double sum = 0;
        foreach (ref readonly var c in candles.AsSpan()) { ema1.Update(c.Close); ema2.Update(c.Close); rsi.Update(c.Close); adx.Update(c.High, c.Low, c.Close); sum += ema1.Value + adx.Value; }
        var direct = w.Elapsed.TotalNanoseconds / candles.Length;
        w.Restart();
        var n = 0;
        rules.Reset();
        foreach (ref readonly var c in candles.AsSpan()) n += (int)rules.OnCandle(in c);
        var strategy = w.Elapsed.TotalNanoseconds / candles.Length;
        w.Restart();
        var builtin = AlgoTrade.Core.Strategies.StrategyRegistry.Create("ema_cross_rsi", System.Text.Json.JsonDocument.Parse("{}").RootElement);
        foreach (ref readonly var c in candles.AsSpan()) n += (int)builtin.OnCandle(in c);
        var builtIn = w.Elapsed.TotalNanoseconds / candles.Length;
        w.Restart();
        Backtester.Run(RuleBacktestBenchmark.Config(), candles);
        var full = w.Elapsed.TotalNanoseconds / candles.Length;
        w.Restart();
        Backtester.Run(BacktestBenchmark.Config(), candles);
        var fullBuiltIn = w.Elapsed.TotalNanoseconds / candles.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"direct 4 indicators {direct:0.0}  rules strategy {strategy:0.0}  ema_cross_rsi strategy {builtIn:0.0}  rules backtest {full:0.0}  ema_cross_rsi backtest {fullBuiltIn:0.0} ns/candle ({sum:0}{n})"));
    }
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BacktestBenchmark).Assembly).Run(args);
return 0;
