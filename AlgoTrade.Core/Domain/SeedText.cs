using System.Collections.Frozen;

namespace AlgoTrade.Core.Domain;

/// <summary>
/// An enum and the exact strings the seed schema (and every outward text) spells its values with, both ways. One
/// instance per enum, held by that enum's <c>…Text</c> class next to its string constants.
/// </summary>
public sealed class SeedText<TEnum> where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _texts;
    private readonly FrozenDictionary<string, TEnum> _values;

    /// <param name="what">What a value is, for messages: "bot status".</param>
    /// <param name="pairs">Every value once, in the order pickers list them.</param>
    public SeedText(string what, params (TEnum Value, string Text)[] pairs)
    {
        What = what;
        _texts = pairs.ToFrozenDictionary(p => p.Value, p => p.Text);
        _values = pairs.ToFrozenDictionary(p => p.Text, p => p.Value, StringComparer.Ordinal);
        All = [.. pairs.Select(p => p.Value)];
        var unmapped = Enum.GetValues<TEnum>().Where(v => !_texts.ContainsKey(v)).ToList();
        if (unmapped.Count > 0 || _values.Count != pairs.Length)
            throw new ArgumentException($"Every {typeof(TEnum).Name} needs one distinct text; unmapped: {string.Join(", ", unmapped)}.", nameof(pairs));
    }

    public string What { get; }

    public IReadOnlyList<TEnum> All { get; }

    public string ToText(TEnum value) =>
        _texts.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    /// <summary>Exact text only: callers that accept what people type normalise it first.</summary>
    public bool TryParse(string? text, out TEnum value)
    {
        if (text is not null && _values.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    public TEnum Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Unknown {What} '{text}'.");
}
