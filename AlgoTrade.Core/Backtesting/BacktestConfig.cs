using System.Text.Json;
using System.Text.Json.Serialization;
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
