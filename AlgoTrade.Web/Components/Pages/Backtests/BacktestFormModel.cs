using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.Validation;
using AlgoTrade.Web.Components.Pages.Bots;

namespace AlgoTrade.Web.Components.Pages.Backtests;

/// <summary>
/// The backtest form: the bot form's market, strategy and risk fields (<see cref="BotFormModel"/>) plus the data source,
/// the period as whole UTC days and the cost model. <see cref="ToConfig"/> goes through the same mapping as
/// "backtest this bot" (<see cref="BacktestConfig.FromBot"/>).
/// </summary>
public sealed class BacktestFormModel
{
    public const string UploadSource = "upload";

    public BotFormModel Bot { get; private init; } = new() { Symbol = "BTCUSDT" };

    /// <summary>An exchange name, or <see cref="UploadSource"/>.</summary>
    public string Source { get; set; } = ExchangeNames.Simulated;

    public DateTime? From { get; set; }

    /// <summary>Last day included.</summary>
    public DateTime? To { get; set; }

    public decimal? FeePerc { get; set; } = RiskSettings.DefaultFeeRate * 100m;
    public decimal? SlippageBps { get; set; } = 0;
    public string? CsvText { get; set; }
    public string? CsvFileName { get; set; }

    public bool IsUpload => Source == UploadSource;

    /// <summary>
    /// Takes an uploaded file: the period becomes the file's first to last day and the timeframe the file's spacing,
    /// so a valid file of any year runs as it is. A file that does not parse keeps the fields; the run reports why.
    /// </summary>
    public void UseFile(string fileName, string text)
    {
        CsvFileName = fileName;
        CsvText = text;
        if (string.IsNullOrWhiteSpace(text)) return;
        var import = CandleCsvImporter.Import(text);
        if (!import.Succeeded || import.Candles.Length == 0) return;
        From = import.Candles[0].OpenTime.Date;
        To = import.Candles[^1].OpenTime.Date;
        if (import.Timeframe is { } detected) Bot.Timeframe = detected.Code;
    }

    public static BacktestFormModel New(DateTime today) => new()
    {
        From = today.Date.AddDays(-90),
        To = today.Date.AddDays(-1),
    };

    public static BacktestFormModel ForBot(BotConfig bot, DateTime today) => new()
    {
        Bot = BotFormModel.FromBotConfig(bot),
        Source = bot.ExchangeName,
        From = today.Date.AddDays(-90),
        To = today.Date.AddDays(-1),
    };

    /// <summary>The config, and what cannot be read into one (blank cost fields, malformed partial levels).</summary>
    public BacktestConfig ToConfig(DateTime now, out IReadOnlyDictionary<string, string[]> readErrors)
    {
        var bot = Bot.ToBotConfig();
        bot.ExchangeName = IsUpload ? "" : Source;
        var start = From is { } from ? DateTime.SpecifyKind(from.Date, DateTimeKind.Utc) : (DateTime?)null;
        // The last day is included; a day not over yet ends now, so the exchange has closed candles to the end.
        DateTime? end = To is { } to ? DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc) : null;
        if (end > now) end = IsUpload ? end : null;
        var config = BacktestConfig.FromBot(bot, start, end, FeePerc / 100m, SlippageBps, out var mapping);

        var e = new ValidationErrors();
        e.AddAll(mapping);
        e.AddAll(Bot.ReadErrors);
        if (FeePerc is null) e.Add("fee_rate", "Fee is required; 0 for none.");
        if (SlippageBps is null) e.Add("slippage_bps", "Slippage is required; 0 for none.");
        if (!IsUpload && From is null) e.Add("start", "Pick the first day.");
        if (IsUpload && string.IsNullOrWhiteSpace(CsvText))
            e.Add("data", CsvFileName is { } name ? $"{name} is empty: it holds no candles." : "Choose a CSV file of candles.");
        readErrors = e.ToDictionary();
        return IsUpload ? config with { ExchangeName = null } : config;
    }
}
