namespace AlgoTrade.Core.Strategies;

/// <summary>Validated parameter values of one strategy, defaults filled in.</summary>
public sealed class StrategyParameters
{
    private readonly IReadOnlyDictionary<string, decimal> _values;

    public StrategyParameters(IReadOnlyDictionary<string, decimal> values) => _values = values;

    public IReadOnlyDictionary<string, decimal> Values => _values;

    public decimal this[string name] =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"Strategy parameter '{name}' is not defined.");

    public int Int(string name) => (int)this[name];

    public double Double(string name) => (double)this[name];
}
