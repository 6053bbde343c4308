using System.Text.RegularExpressions;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>HTML ids for the editor's inputs, from their paths: <c>entry.all[0].left.period</c> → <c>rule-entry-all-0-left-period</c>.</summary>
public static partial class RuleIds
{
    public static string For(string path) => "rule-" + NotAlphanumeric().Replace(path, "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
