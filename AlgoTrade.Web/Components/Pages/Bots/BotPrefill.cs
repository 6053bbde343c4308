using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Web.Components.Pages.Bots;

/// <summary>
/// "Create bot from this backtest" (and from a sweep's evaluation): the one mapping from what a backtest ran with to
/// the bot form, so the bot trades the strategy, parameters and risk settings that were tested. The period and the
/// cost model (fee, slippage) are the backtest's own and have no bot field.
/// </summary>
public static class BotPrefill
{
    public static BotFormModel FromBacktestConfig(BacktestConfig config)
    {
        var risk = config.ToRiskSettings();
        var model = new BotFormModel
        {
            Name = NameFor(config),
            Symbol = string.IsNullOrWhiteSpace(config.Symbol) ? null : config.Symbol,
            InitialCapital = risk.InitialCapital,
            // The engine spends the fixed amount when both are set, so that is what the form shows.
            SizeMode = risk.PositionSizeFixed is not null ? PositionSizeMode.FixedQuote : PositionSizeMode.PercentOfCash,
            PositionSizePerc = risk.PositionSizePerc,
            PositionSizeFixed = risk.PositionSizeFixed,
            StopLossPerc = risk.StopLossPerc,
            TakeProfitPerc = risk.TakeProfitPerc,
            TrailingStopActive = risk.TrailingStopActive,
            TrailingStopPerc = risk.TrailingStopPerc ?? new BotFormModel().TrailingStopPerc,
            Partials = risk.PartialTakeProfits
                .Select(l => new PartialLevelRow { Percentage = l.Percentage, SellPercent = l.Ratio * 100m }).ToList(),
            MaxTradeDurationHours = risk.MaxTradeDurationHours,
            DailyTargetPerc = risk.DailyTargetPerc,
            MaxDailyLossPerc = risk.MaxDailyLossPerc,
        };
        // Candles from an uploaded CSV name no exchange: the form's default (the offline simulated market) stays.
        if (config.ExchangeName is { } exchange && ExchangeNames.IsValid(exchange))
            model.ExchangeName = exchange;
        if (!string.IsNullOrWhiteSpace(config.Timeframe))
            model.Timeframe = config.Timeframe;
        model.LoadStrategy(config.StrategyType, config.StrategyParams);
        model.DropTrailingZeros();
        return model;
    }

    private static string NameFor(BacktestConfig config)
    {
        var strategy = StrategyRegistry.TryGet(config.StrategyType, out var d) ? d.DisplayName : config.StrategyType;
        var name = $"{strategy} {config.Symbol} {config.Timeframe}".Trim();
        return name.Length <= BotConfigValidator.MaxNameLength ? name : name[..BotConfigValidator.MaxNameLength].TrimEnd();
    }
}
