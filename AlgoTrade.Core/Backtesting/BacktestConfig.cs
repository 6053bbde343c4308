using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// A backtest request as stored in <c>backtest_jobs.config</c>: the bot's own column names as keys, the risk fields
/// flat beside the others as they always were. Read it with
/// <see cref="BacktestConfigReader"/> (every problem by field), write it with <see cref="BacktestJson"/>.
/// </summary>
public sealed record BacktestConfig
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public string Symbol { get; init; } = "";

    /// <summary>Where the candles came from (a bot's <c>exchange_name</c>); null when they were uploaded or given to the CLI.</summary>
    public string? ExchangeName { get; init; }
    public string Timeframe { get; init; } = "";

    /// <summary>First candle open time included (UTC); null = from the first candle.</summary>
    public DateTime? Start { get; init; }

    /// <summary>Candles opening at or after this time are excluded (UTC); null = to the last candle.</summary>
    public DateTime? End { get; init; }

    public string StrategyType { get; init; } = "";
    public JsonElement StrategyParams { get; init; } = EmptyObject;

    /// <summary>The bot's risk columns plus fee and slippage; in JSON flat beside the fields above (<see cref="BacktestJson"/>).</summary>
    public RiskSettings Risk { get; init; } = new();

    /// <summary>
    /// "Backtest this bot": its strategy and risk columns (through <see cref="RiskSettings.FromBotConfig"/>) over a
    /// chosen period. <paramref name="errors"/> lists what <see cref="RiskSettingsValidator"/> finds in them.
    /// </summary>
    public static BacktestConfig FromBot(BotConfig bot, DateTime? start, DateTime? end, decimal? feeRate, decimal? slippageBps,
        out IReadOnlyDictionary<string, string[]> errors)
    {
        var risk = RiskSettings.FromBotConfig(bot, out errors, feeRate, slippageBps);
        return new BacktestConfig
        {
            Symbol = bot.Symbol,
            ExchangeName = bot.ExchangeName,
            Timeframe = bot.Timeframe,
            Start = start,
            End = end,
            StrategyType = bot.StrategyType,
            StrategyParams = bot.StrategyParams.RootElement.Clone(),
            Risk = risk,
        };
    }
}
