using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Cli.Commands;

internal static class BacktestCommand
{
    private const int MaxErrorsShown = 20;

    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var phases = PhaseTimings.FromEnvironment();
        var configPath = args.Require("config");
        var dataPath = args.Require("data");
        var json = args.Has("json");
        args.EnsureNoUnknownOptions();

        if (!File.Exists(configPath)) throw new CliException($"Config file not found: {configPath}");
        if (!File.Exists(dataPath)) throw new CliException($"Data file not found: {dataPath}");

        var read = BacktestConfigReader.Read(File.ReadAllText(configPath));
        if (!read.IsValid)
            throw new CliException($"Invalid config {configPath}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", ValidationErrors.Describe(read.Errors)));
        var config = read.Config!;

        phases?.Mark("config");
        var stopwatch = Stopwatch.StartNew();
        var import = CandleCsvImporter.ImportFile(dataPath, Timeframe.Parse(config.Timeframe));
        var parseTime = stopwatch.Elapsed;
        phases?.Mark("parse");
        if (!import.Succeeded)
        {
            var shown = import.Errors.Take(MaxErrorsShown).Select(e => e.ToString()).ToList();
            if (import.ErrorCount > shown.Count) shown.Add($"… and {import.ErrorCount - shown.Count} more");
            throw new CliException($"Cannot use {dataPath} ({import.ErrorCount} bad row(s)):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", shown));
        }
        if (import.WarningCount > 0)
        {
            foreach (var w in import.Warnings.Take(MaxErrorsShown))
                await stderr.WriteLineAsync($"warning: {w}");
            await stderr.WriteLineAsync($"warning: {import.WarningCount} gap(s), {import.MissingCandles} missing candle(s) in {dataPath}");
        }

        var range = Backtester.SelectRange(import.Candles, config.Start, config.End);
        if (range.IsEmpty)
            throw new CliException($"No candles in {dataPath} between {config.Start?.ToString("O") ?? "the start"} and {config.End?.ToString("O") ?? "the end"}.");

        stopwatch.Restart();
        var result = Backtester.Run(config, import.Candles);
        var runTime = stopwatch.Elapsed;
        // Holes in the file within the period run; they are reported, never filled.
        if (import.MissingCandles > 0 && CandleGapReport.Find(range, import.Timeframe!) is { GapCount: > 0 } gaps)
            result = result with { DataGaps = gaps };
        phases?.Mark("backtest");

        if (json)
        {
            await WriteJsonAsync(result, stdout, ct);
            phases?.Mark("json");
            phases?.Report(stderr);
            return 0;
        }
        await stdout.WriteAsync(FormatSummary(config, result));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Parsed {import.Candles.Length:N0} candles in {parseTime.TotalMilliseconds:0} ms, backtest in {runTime.TotalMilliseconds:0.0} ms."));
        phases?.Mark("summary");
        phases?.Report(stderr);
        return 0;
    }

    /// <summary>
    /// Megabytes of JSON for long runs: on the real console they go as UTF-8 straight to the standard output
    /// stream instead of through a string and the console's encoder.
    /// </summary>
    private static async Task WriteJsonAsync(BacktestResult result, TextWriter stdout, CancellationToken ct)
    {
        if (ReferenceEquals(stdout, Console.Out))
        {
            // Synchronous, like the console stream underneath: the first real await costs milliseconds of
            // thread-pool and async machinery start-up in a one-shot process.
            stdout.Flush();
            using var stream = Console.OpenStandardOutput();
            BacktestResultJsonWriter.Write(stream, result);
            stream.Write("\n"u8);
            return;
        }
        using var buffer = new MemoryStream();
        BacktestResultJsonWriter.Write(buffer, result);
        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), ct);
    }

    internal static string FormatSummary(BacktestConfig config, BacktestResult result)
    {
        var s = result.Summary;
        var rows = new List<(string, string)>
        {
            ("Symbol / timeframe", $"{config.Symbol} {config.Timeframe}"),
            ("Strategy", config.StrategyType),
            ("Period", $"{s.Start:yyyy-MM-dd HH:mm} → {s.End:yyyy-MM-dd HH:mm} UTC ({s.Candles:N0} candles)"),
            ("Initial equity", Money(s.InitialEquity)),
            ("Final equity", Money(s.FinalEquity)),
            ("Total return", Pct(s.TotalReturnPct)),
            ("Buy & hold return", Pct(s.BuyAndHoldReturnPct)),
            ("CAGR", Pct(s.CagrPct)),
            ("Max drawdown", Pct(s.MaxDrawdownPct)),
            ("Sharpe", Num(s.SharpeRatio)),
            ("Sortino", Num(s.SortinoRatio)),
            ("Calmar", Num(s.CalmarRatio)),
            ("Trades (fills)", $"{s.NumberOfTrades} ({s.NumberOfFills})"),
            ("Win rate", Pct(s.WinRatePct)),
            ("Profit factor", Num(s.ProfitFactor)),
            ("Expectancy", s.Expectancy is { } x ? Money(x) : "—"),
            ("Avg / best / worst trade", $"{Pct(s.AverageTradePct)} / {Pct(s.BestTradePct)} / {Pct(s.WorstTradePct)}"),
            ("Avg trade duration", s.AverageTradeDurationHours is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h:0.##} h") : "—"),
            ("Exposure", Pct(s.ExposurePct)),
            ("Fees paid", Money(s.FeesPaid)),
        };
        if (result.DataGaps is { } g)
            rows.Add(("Missing candles", string.Create(CultureInfo.InvariantCulture,
                $"{g.MissingCandles:N0} in {g.GapCount:N0} gap(s), {g.MissingPct:0.##} % of the period (not filled)")));
        var width = rows.Max(r => r.Item1.Length);
        var text = new System.Text.StringBuilder();
        foreach (var (label, value) in rows)
            text.Append(label.PadRight(width)).Append("  ").AppendLine(value);
        foreach (var line in result.Log.Take(10))
            text.Append("note: ").AppendLine(line);
        return text.ToString();

        static string Money(double v) => v.ToString("#,0.00", CultureInfo.InvariantCulture);
        static string Pct(double? v) => v is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—";
        static string Num(double? v) => v is { } n ? n.ToString("0.00", CultureInfo.InvariantCulture) : "—";
    }
}
