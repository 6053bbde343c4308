using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Bots;

/// <summary>A bot configuration read from JSON, or every problem keyed by its column name.</summary>
public sealed record BotConfigReadResult(BotConfig? Bot, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Bot is not null;
}
