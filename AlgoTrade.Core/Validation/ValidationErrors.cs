namespace AlgoTrade.Core.Validation;

/// <summary>Collects every problem with an input, keyed by its snake_case field name, in the order found.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public void AddAll(IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                Add(prefix + field, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>"field: message" lines, for logs and the CLI.</summary>
    public static IEnumerable<string> Describe(IReadOnlyDictionary<string, string[]> errors) =>
        errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
}
