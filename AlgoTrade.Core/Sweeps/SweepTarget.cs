using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// A number of a backtest config a sweep may vary: <see cref="Key"/> is a risk column (<c>stop_loss_perc</c>) or
/// <c>strategy_params.</c> followed by a built-in parameter name or a path into a rule document
/// (<c>strategy_params.entry.all[0].left.period</c>) — the same keys validation errors use. <see cref="Limits"/>
/// are the strategy's or risk validator's bounds; <see cref="Current"/> the base config's value.
/// </summary>
public sealed record SweepTarget(string Key, StrategyParameter Limits, decimal? Current)
{
    public const string StrategyPrefix = "strategy_params.";

    public string Label => Limits.Label;
    public bool IsStrategyParameter => Key.StartsWith(StrategyPrefix, StringComparison.Ordinal);
    public string StrategyPath => IsStrategyParameter ? Key[StrategyPrefix.Length..] : throw new InvalidOperationException($"{Key} is not a strategy parameter.");
}
