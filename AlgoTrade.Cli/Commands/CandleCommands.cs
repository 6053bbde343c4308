using System.Globalization;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Core.Market;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Cli.Commands;

/// <summary><c>candles import|download|list</c>: fill and inspect the candle store (docs/backtesting.md#candle-store).</summary>
internal static class CandleCommands
{
    private const int MaxIssuesShown = 20;
    private const int MaxGapsShown = 10;

    public static async Task<int> ImportAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var path = args.Require("file");
        var series = Series(args);
        await using var services = CliServices.Build(args);
        args.EnsureNoUnknownOptions();
        if (!File.Exists(path)) throw new CliException($"File not found: {path}");

        CandleFileImportResult result;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
            result = await services.GetRequiredService<CandleFileImporter>().ImportAsync(file, series, ct);
        var parse = result.Parse;
        if (!result.Succeeded)
        {
            var shown = parse.Errors.Take(MaxIssuesShown).Select(e => e.ToString()).ToList();
            if (parse.ErrorCount > shown.Count) shown.Add($"… and {parse.ErrorCount - shown.Count} more");
            throw new CliException($"{path} has {parse.ErrorCount} bad row(s); nothing was saved:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", shown));
        }
        foreach (var w in parse.Warnings.Take(MaxIssuesShown))
            await stderr.WriteLineAsync($"warning: {w}");
        if (parse.WarningCount > 0)
            await stderr.WriteLineAsync($"warning: {parse.WarningCount} gap(s), {parse.MissingCandles} missing candle(s) in {path} (stored as gaps, not filled)");
        await stdout.WriteLineAsync(Invariant(
            $"{series}: {result.Written.Inserted:N0} candle(s) inserted, {result.Written.AlreadyPresent:N0} already present ({parse.Candles.Length:N0} rows read)."));
        return 0;
    }

    public static async Task<int> DownloadAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var exchange = args.Get("exchange") ?? ExchangeNames.Binance;
        var series = Series(args, exchange);
        var from = Time(args.Require("from"), "from", endOfDay: false);
        var to = Time(args.Require("to"), "to", endOfDay: true);
        if (to <= from) throw new CliException("--to must be after --from.");
        var baseUrl = args.Get("base-url");
        if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            throw new CliException($"--base-url must be an absolute URL, got '{baseUrl}'.");
        var settings = baseUrl is null ? null : new Dictionary<string, string?>
        {
            [BinanceOptions.BinanceSection + ":BaseUrl"] = baseUrl,
            [BinanceOptions.TestnetSection + ":BaseUrl"] = baseUrl,
        };
        await using var services = CliServices.Build(args, settings);
        args.EnsureNoUnknownOptions();

        CandleDownloadResult result;
        try
        {
            result = await services.GetRequiredService<CandleDownloader>().FillAsync(exchange, series, from, to, ct);
        }
        catch (CandleDownloadException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        var coverage = await services.GetRequiredService<CandleStore>().CoverageAsync(series, from, to, ct);
        var stored = coverage.Count == 0 ? 0 : coverage[0].Candles;
        var period = Invariant($"{from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} UTC");
        if (stored == 0)
        {
            await stderr.WriteLineAsync($"error: {exchange} has no closed {series.Symbol} {series.Timeframe.Code} candles from {period}; nothing was saved.");
            return 1;
        }
        await stdout.WriteLineAsync(Invariant(
            $"{series}: {result.Written.Inserted:N0} candle(s) downloaded in {result.Requests} request(s); {stored:N0} stored from {period}."));
        foreach (var gap in result.Gaps.Take(MaxGapsShown))
            await stdout.WriteLineAsync($"  exchange gap: {Describe(gap)}");
        if (result.Gaps.Count > MaxGapsShown)
            await stdout.WriteLineAsync($"  … and {result.Gaps.Count - MaxGapsShown} more gap(s)");
        return 0;
    }

    public static async Task<int> ListAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        await using var services = CliServices.Build(args);
        args.EnsureNoUnknownOptions();
        var all = await services.GetRequiredService<CandleStore>().CoverageAsync(null, null, null, ct);
        if (all.Count == 0)
        {
            await stdout.WriteLineAsync("No candles stored. Fill the store with 'candles import' or 'candles download'.");
            return 0;
        }
        await stdout.WriteLineAsync($"{"SERIES",-32} {"CANDLES",12} {"FIRST (UTC)",-17} {"END (UTC)",-17} {"GAPS",6} {"MISSING",10}");
        foreach (var s in all)
        {
            await stdout.WriteLineAsync(Invariant(
                $"{s.Series,-32} {s.Candles,12:N0} {s.First,-17:yyyy-MM-dd HH:mm} {s.End,-17:yyyy-MM-dd HH:mm} {s.Gaps.Count,6} {s.MissingCandles,10:N0}"));
            foreach (var gap in s.Gaps.Take(MaxGapsShown))
                await stdout.WriteLineAsync($"  gap: {Describe(gap)}");
            if (s.Gaps.Count > MaxGapsShown)
                await stdout.WriteLineAsync($"  … and {s.Gaps.Count - MaxGapsShown} more gap(s)");
        }
        return 0;
    }

    private static CandleSeriesKey Series(CliArgs args, string? exchange = null)
    {
        var error = CandleFileImporter.Check(exchange ?? args.Require("exchange"), args.Require("symbol"), args.Require("timeframe"), out var series);
        return error is null ? series! : throw new CliException(error);
    }

    /// <summary>ISO 8601 UTC; a bare date means its start, or for <c>--to</c> its end (the whole day is included).</summary>
    private static DateTime Time(string raw, string option, bool endOfDay)
    {
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(endOfDay ? 1 : 0);
        if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        throw new CliException($"--{option} must be a UTC date (2025-01-31) or date and time (2025-01-31T12:00:00Z), got '{raw}'.");
    }

    private static string Describe(CandleRange gap) =>
        Invariant($"{gap.From:yyyy-MM-dd HH:mm} to {gap.To:yyyy-MM-dd HH:mm} UTC ({gap.Candles:N0} candle(s) missing)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
