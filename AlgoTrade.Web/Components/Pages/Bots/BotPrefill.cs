using System.Text.Json;
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
        var blank = new BotFormModel();
        var model = BotFormModel.FromBotConfig(new BotConfig
        {
            Name = NameFor(config),
            // Candles from an uploaded CSV name no exchange: the form's default (the offline simulated market) stays.
            ExchangeName = ExchangeNames.IsValid(config.ExchangeName) ? config.ExchangeName! : blank.ExchangeName,
            Symbol = config.Symbol,
            Timeframe = string.IsNullOrWhiteSpace(config.Timeframe) ? blank.Timeframe : config.Timeframe,
            CheckIntervalSeconds = blank.CheckIntervalSeconds ?? 60,
            StrategyType = config.StrategyType,
            StrategyParams = JsonDocument.Parse(config.StrategyParams.GetRawText()),
            Risk = config.Risk,
        });
        if (string.IsNullOrWhiteSpace(model.Symbol)) model.Symbol = null;
        return model;
    }

    private static string NameFor(BacktestConfig config)
    {
        var strategy = StrategyRegistry.TryGet(config.StrategyType, out var d) ? d.DisplayName : config.StrategyType;
        var name = $"{strategy} {config.Symbol} {config.Timeframe}".Trim();
        return name.Length <= BotConfigValidator.MaxNameLength ? name : name[..BotConfigValidator.MaxNameLength].TrimEnd();
    }
}
