using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Core.Strategies;

/// <summary>
/// Validated parameter values of one strategy, defaults filled in; for the <c>rules</c> strategy the validated
/// rule document instead.
/// </summary>
public sealed class StrategyParameters
{
    private readonly IReadOnlyDictionary<string, decimal> _values;

    public StrategyParameters(IReadOnlyDictionary<string, decimal> values) => _values = values;

    public StrategyParameters(RuleDocument rules)
    {
        _values = new Dictionary<string, decimal>();
        Rules = rules;
    }

    public IReadOnlyDictionary<string, decimal> Values => _values;

    public RuleDocument? Rules { get; }

    public decimal this[string name] =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"Strategy parameter '{name}' is not defined.");

    public int Int(string name) => (int)this[name];

    public double Double(string name) => (double)this[name];
}
