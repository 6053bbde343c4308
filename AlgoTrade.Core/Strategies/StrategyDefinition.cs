using System.Text.Json;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Strategies;

/// <summary>What the registry knows about one <c>strategy_type</c>: its form metadata, rules, warm-up and factory.</summary>
public sealed class StrategyDefinition
{
    private readonly Func<StrategyParameters, IStrategy> _factory;
    private readonly Func<StrategyParameters, int> _warmUp;
    private readonly Func<JsonElement, StrategyValidationResult>? _validate;
    private readonly Func<StrategyParameters, IReadOnlyList<RulePlot>> _plots;

    public StrategyDefinition(
        string type,
        string displayName,
        string description,
        IReadOnlyList<StrategyParameter> parameters,
        IReadOnlyList<StrategyRule> rules,
        Func<StrategyParameters, int> warmUp,
        Func<StrategyParameters, IStrategy> factory,
        Func<StrategyParameters, IReadOnlyList<RulePlot>> plots)
    {
        Type = type;
        DisplayName = displayName;
        Description = description;
        Parameters = parameters;
        Rules = rules;
        _warmUp = warmUp;
        _factory = factory;
        _plots = plots;
        Defaults = new StrategyParameters(parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal));
    }

    /// <summary>A strategy whose <c>strategy_params</c> is a document checked by its own validator, not a parameter list.</summary>
    public StrategyDefinition(
        string type,
        string displayName,
        string description,
        Func<JsonElement, StrategyValidationResult> validate,
        Func<StrategyParameters, int> warmUp,
        Func<StrategyParameters, IStrategy> factory,
        Func<StrategyParameters, IReadOnlyList<RulePlot>> plots)
        : this(type, displayName, description, [], [], warmUp, factory, plots)
    {
        _validate = validate;
    }

    public string Type { get; }
    public string DisplayName { get; }
    public string Description { get; }
    public IReadOnlyList<StrategyParameter> Parameters { get; }
    public IReadOnlyList<StrategyRule> Rules { get; }
    public StrategyParameters Defaults { get; }

    /// <summary>True for the <c>rules</c> strategy: <c>strategy_params</c> is a rule document.</summary>
    public bool TakesRuleDocument => _validate is not null;

    public int WarmUpPeriod(StrategyParameters parameters) => _warmUp(parameters);

    public IStrategy Create(StrategyParameters parameters) => _factory(parameters);

    /// <summary>The indicator outputs the strategy decides on, for charts: declared by each strategy, read from the document for rules.</summary>
    public IReadOnlyList<RulePlot> Plots(StrategyParameters parameters) => _plots(parameters);

    /// <summary>
    /// Checks a <c>strategy_params</c> object: unknown keys, non-numbers, whole-number and range violations, then
    /// the cross-field rules whose fields are individually valid. Missing or null keys take the default.
    /// </summary>
    public StrategyValidationResult Validate(JsonElement json)
    {
        if (_validate is not null) return _validate(json);
        var errors = new ValidationErrors();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in Parameters) values[p.Name] = p.Default;

        if (json.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add("strategy_params", "Strategy parameters must be a JSON object.");
            return new StrategyValidationResult(null, errors.ToDictionary());
        }

        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                var parameter = Parameters.FirstOrDefault(p => p.Name == property.Name);
                if (parameter is null)
                {
                    errors.Add(property.Name, $"Unknown parameter for {Type}; expected: {string.Join(", ", Parameters.Select(p => p.Name))}.");
                    continue;
                }
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var value))
                {
                    errors.Add(parameter.Name, $"{parameter.Label} must be a number.");
                    continue;
                }
                values[parameter.Name] = value;
            }
        }

        foreach (var parameter in Parameters)
            foreach (var message in parameter.Check(values[parameter.Name]))
                errors.Add(parameter.Name, message);

        var resolved = new StrategyParameters(values);
        var invalid = errors.ToDictionary();
        foreach (var rule in Rules.Where(r => !r.Fields.Any(invalid.ContainsKey) && !r.IsSatisfied(resolved)))
            errors.Add(rule.Field, rule.Message);

        return errors.IsEmpty
            ? new StrategyValidationResult(resolved, errors.ToDictionary())
            : new StrategyValidationResult(null, errors.ToDictionary());
    }
}
