namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// A validated rule document: the <c>strategy_params</c> of a <c>rules</c> strategy. Entry is required; without an
/// exit the position is only closed by the risk settings (stop-loss, take-profit, trailing stop, duration).
/// </summary>
public sealed record RuleDocument(int Version, RuleNode Entry, RuleNode? Exit)
{
    public const int CurrentVersion = 1;
}
