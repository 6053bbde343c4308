using System.Text.Json.Serialization;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// The bot's risk columns, named as in <c>bot_configs</c>: <see cref="BotConfig.Risk"/> (an EF Core complex property
/// on those columns), <c>BacktestConfig.Risk</c> (flat in its JSON) and what the forms produce. Read JSON with
/// <see cref="RiskSettingsReader"/>; check with <see cref="RiskSettingsValidator"/> before use; <see cref="RiskEngine"/>
/// refuses invalid settings. <see cref="FeeRate"/> and <see cref="SlippageBps"/> are not bot columns: a backtest
/// config carries them, the runtime sets the fee from its options.
/// </summary>
public sealed record RiskSettings
{
    public const decimal DefaultFeeRate = 0.001m;

    public decimal InitialCapital { get; init; }
    public decimal? PositionSizePerc { get; init; }
    public decimal? PositionSizeFixed { get; init; }
    public decimal? StopLossPerc { get; init; }
    public decimal? TakeProfitPerc { get; init; }
    public decimal? TrailingStopPerc { get; init; }
    public bool TrailingStopActive { get; init; }
    [JsonPropertyName(PartialTakeProfitParser.Field)]
    public IReadOnlyList<PartialTakeProfit> PartialTakeProfits { get; init; } = [];
    public int? MaxTradeDurationHours { get; init; }
    public decimal? DailyTargetPerc { get; init; }
    public decimal? MaxDailyLossPerc { get; init; }

    /// <summary>Fraction of notional charged on every fill, in the quote asset.</summary>
    public decimal FeeRate { get; init; } = DefaultFeeRate;

    /// <summary>Basis points by which market fills (not take-profit levels) are worse than the reference price.</summary>
    public decimal SlippageBps { get; init; }

    /// <summary>
    /// A bot's settings with the execution costs of where it runs, checked by <see cref="RiskSettingsValidator"/>
    /// (problems in <paramref name="errors"/>).
    /// </summary>
    public static RiskSettings FromBotConfig(BotConfig bot, out IReadOnlyDictionary<string, string[]> errors, decimal? feeRate = null, decimal? slippageBps = null)
    {
        var settings = bot.Risk with { FeeRate = feeRate ?? DefaultFeeRate, SlippageBps = slippageBps ?? 0 };
        errors = RiskSettingsValidator.Validate(settings);
        return settings;
    }

    public bool Equals(RiskSettings? other) =>
        other is not null
        && InitialCapital == other.InitialCapital && PositionSizePerc == other.PositionSizePerc
        && PositionSizeFixed == other.PositionSizeFixed && StopLossPerc == other.StopLossPerc
        && TakeProfitPerc == other.TakeProfitPerc && TrailingStopPerc == other.TrailingStopPerc
        && TrailingStopActive == other.TrailingStopActive && PartialTakeProfits.SequenceEqual(other.PartialTakeProfits)
        && MaxTradeDurationHours == other.MaxTradeDurationHours && DailyTargetPerc == other.DailyTargetPerc
        && MaxDailyLossPerc == other.MaxDailyLossPerc && FeeRate == other.FeeRate && SlippageBps == other.SlippageBps;

    public override int GetHashCode() => HashCode.Combine(InitialCapital, StopLossPerc, TakeProfitPerc, PartialTakeProfits.Count);
}
