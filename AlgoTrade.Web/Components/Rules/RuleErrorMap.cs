using System.Text;
using System.Text.RegularExpressions;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>
/// The validator's messages for a rule document, looked up by the path of a node or field
/// (<c>entry.all[1].right.period</c>); the form's keys carry a prefix (<c>strategy_params.</c>).
/// </summary>
public sealed partial class RuleErrorMap(IReadOnlyDictionary<string, string[]> errors, string prefix)
{
    public static RuleErrorMap Empty { get; } = new(new Dictionary<string, string[]>(), "");

    public bool Has(string path) => errors.ContainsKey(prefix + path);

    public string? At(string path) => errors.TryGetValue(prefix + path, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Every message about the rules, with its path in plain words.</summary>
    public IEnumerable<(string Path, string Where, string Message)> All() =>
        errors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Key.Length > prefix.Length)
            .SelectMany(kv => kv.Value.Select(m => (kv.Key[prefix.Length..], Where(kv.Key[prefix.Length..]), m)));

    /// <summary>"entry.all[1].right.period" → "Entry › condition 2 › right side › period".</summary>
    public static string Where(string path)
    {
        var text = new StringBuilder();
        foreach (var part in path.Split('.'))
        {
            if (text.Length > 0) text.Append(" › ");
            var item = ListItem().Match(part);
            text.Append(item.Success ? $"condition {int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}" : part switch
            {
                "entry" => "Entry",
                "exit" => "Exit",
                "not" => "not",
                "left" => "left side",
                "right" => "right side",
                "op" => "operator",
                "over" => "candles",
                "all" or "any" => "group",
                _ => part,
            });
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^(?:all|any)\[(\d+)\]$")]
    private static partial Regex ListItem();
}
