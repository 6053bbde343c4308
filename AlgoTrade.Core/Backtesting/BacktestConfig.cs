using System.Text.Json;
using System.Text.Json.Serialization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// A backtest request as stored in <c>backtest_jobs.config</c>: the bot's own column names as keys. Read it with
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
    public decimal InitialCapital { get; init; }
    public decimal? PositionSizePerc { get; init; }
    public decimal? PositionSizeFixed { get; init; }
    public decimal? StopLossPerc { get; init; }
    public decimal? TakeProfitPerc { get; init; }
    public decimal? TrailingStopPerc { get; init; }
    public bool TrailingStopActive { get; init; }

    [JsonPropertyName("partial_take_profits_config")]
    public IReadOnlyList<PartialTakeProfit> PartialTakeProfits { get; init; } = [];

    public int? MaxTradeDurationHours { get; init; }
    public decimal? DailyTargetPerc { get; init; }
    public decimal? MaxDailyLossPerc { get; init; }
    public decimal FeeRate { get; init; } = RiskSettings.DefaultFeeRate;
    public decimal SlippageBps { get; init; }

    /// <summary>
    /// "Backtest this bot": its strategy and risk columns (through <see cref="RiskSettings.FromBotConfig"/>) over a
    /// chosen period. <paramref name="errors"/> reports what the bot's columns cannot express (a malformed partial list).
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
            InitialCapital = risk.InitialCapital,
            PositionSizePerc = risk.PositionSizePerc,
            PositionSizeFixed = risk.PositionSizeFixed,
            StopLossPerc = risk.StopLossPerc,
            TakeProfitPerc = risk.TakeProfitPerc,
            TrailingStopPerc = risk.TrailingStopPerc,
            TrailingStopActive = risk.TrailingStopActive,
            PartialTakeProfits = risk.PartialTakeProfits,
            MaxTradeDurationHours = risk.MaxTradeDurationHours,
            DailyTargetPerc = risk.DailyTargetPerc,
            MaxDailyLossPerc = risk.MaxDailyLossPerc,
            FeeRate = risk.FeeRate,
            SlippageBps = risk.SlippageBps,
        };
    }

    public RiskSettings ToRiskSettings() => new()
    {
        InitialCapital = InitialCapital,
        PositionSizePerc = PositionSizePerc,
        PositionSizeFixed = PositionSizeFixed,
        StopLossPerc = StopLossPerc,
        TakeProfitPerc = TakeProfitPerc,
        TrailingStopPerc = TrailingStopPerc,
        TrailingStopActive = TrailingStopActive,
        PartialTakeProfits = PartialTakeProfits,
        MaxTradeDurationHours = MaxTradeDurationHours,
        DailyTargetPerc = DailyTargetPerc,
        MaxDailyLossPerc = MaxDailyLossPerc,
        FeeRate = FeeRate,
        SlippageBps = SlippageBps,
    };
}
