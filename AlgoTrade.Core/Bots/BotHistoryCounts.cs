namespace AlgoTrade.Core.Bots;

/// <summary>What deleting a bot takes with it.</summary>
public sealed record BotHistoryCounts(int Trades, int LogEntries)
{
    public bool IsEmpty => Trades == 0 && LogEntries == 0;
}
