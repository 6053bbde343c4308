namespace AlgoTrade.Core.Backtesting;

/// <summary>The config, or every problem keyed by field (<c>strategy_params.ema_fast</c> for strategy parameters).</summary>
public sealed record BacktestConfigReadResult(BacktestConfig? Config, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Config is not null;
}
