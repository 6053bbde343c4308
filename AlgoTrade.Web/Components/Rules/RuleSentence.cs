using System.Text.Json;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

public static class RuleSentence
{
    /// <summary>Stored rules in plain language; null for another strategy or a document that does not read.</summary>
    public static string? For(string strategyType, JsonElement strategyParams)
    {
        if (strategyType != RuleStrategy.TypeName) return null;
        var read = RuleDocumentReader.Read(strategyParams);
        return read.IsValid ? RuleDescriber.Describe(read.Document!) : null;
    }
}
