using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Validates a typed <see cref="BacktestConfig"/>: symbol, timeframe, period, strategy and its parameters (keys
/// <c>strategy_params.&lt;name&gt;</c>), and the risk settings through <see cref="RiskSettingsValidator"/>.
/// </summary>
public static class BacktestConfigValidator
{
    public static IReadOnlyDictionary<string, string[]> Validate(BacktestConfig config)
    {
        var e = new ValidationErrors();
        AddTo(config, e);
        return e.ToDictionary();
    }

    internal static void AddTo(BacktestConfig config, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(config.Symbol))
            e.Add("symbol", "Symbol is required, e.g. BTCUSDT.");
        if (config.ExchangeName is { } exchange && !ExchangeNames.IsValid(exchange))
            e.Add("exchange_name", $"Unknown exchange '{exchange}'; known: {string.Join(", ", ExchangeNames.All)}.");
        if (!Timeframe.TryParse(config.Timeframe, out _))
            e.Add("timeframe", $"Timeframe must be one of {string.Join(" ", Timeframe.All.Select(t => t.Code))}.");
        if (config.Start is { } start && config.End is { } end && start >= end)
            e.Add("end", "End must be after start.");

        if (string.IsNullOrWhiteSpace(config.StrategyType))
            e.Add("strategy_type", "Strategy type is required.");
        else if (!StrategyRegistry.TryGet(config.StrategyType, out var definition))
            e.Add("strategy_type", $"Unknown strategy type '{config.StrategyType}'; known: {string.Join(", ", StrategyRegistry.All.Select(s => s.Type))}.");
        else
            foreach (var (field, messages) in definition.Validate(config.StrategyParams).Errors)
                foreach (var message in messages)
                    e.Add(field == "strategy_params" ? field : "strategy_params." + field, message);

        e.AddAll(RiskSettingsValidator.Validate(config.Risk));
    }
}
