using System.Text.Json;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// The bot's risk columns, named as in <c>bot_configs</c>. Check with <see cref="RiskSettingsValidator"/> before use;
/// <see cref="RiskEngine"/> refuses invalid settings.
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
    public IReadOnlyList<PartialTakeProfit> PartialTakeProfits { get; init; } = [];
    public int? MaxTradeDurationHours { get; init; }
    public decimal? DailyTargetPerc { get; init; }
    public decimal? MaxDailyLossPerc { get; init; }

    /// <summary>Fraction of notional charged on every fill, in the quote asset.</summary>
    public decimal FeeRate { get; init; } = DefaultFeeRate;

    /// <summary>Basis points by which market fills (not take-profit levels) are worse than the reference price.</summary>
    public decimal SlippageBps { get; init; }

    /// <summary>
    /// Reads a bot's columns. A malformed <c>partial_take_profits_config</c> is reported in <paramref name="errors"/>
    /// (keyed <c>partial_take_profits_config</c>) and the settings then carry no partial levels.
    /// </summary>
    public static RiskSettings FromBotConfig(BotConfig bot, out IReadOnlyDictionary<string, string[]> errors, decimal? feeRate = null, decimal? slippageBps = null)
    {
        var parseErrors = new Validation.ValidationErrors();
        var partials = PartialTakeProfitParser.Parse(bot.PartialTakeProfitsConfig.RootElement, parseErrors);
        var settings = new RiskSettings
        {
            InitialCapital = bot.InitialCapital,
            PositionSizePerc = bot.PositionSizePerc,
            PositionSizeFixed = bot.PositionSizeFixed,
            StopLossPerc = bot.StopLossPerc,
            TakeProfitPerc = bot.TakeProfitPerc,
            TrailingStopPerc = bot.TrailingStopPerc,
            TrailingStopActive = bot.TrailingStopActive,
            PartialTakeProfits = partials,
            MaxTradeDurationHours = bot.MaxTradeDurationHours,
            DailyTargetPerc = bot.DailyTargetPerc,
            MaxDailyLossPerc = bot.MaxDailyLossPerc,
            FeeRate = feeRate ?? DefaultFeeRate,
            SlippageBps = slippageBps ?? 0,
        };
        parseErrors.AddAll(RiskSettingsValidator.Validate(settings));
        errors = parseErrors.ToDictionary();
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
