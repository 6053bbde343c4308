namespace AlgoTrade.Core.Runtime;

/// <summary>Runs one tick of one bot: the whole one-way flow from candles to a committed transaction and its events.</summary>
public interface IBotRunner
{
    Task<TickOutcome> TickAsync(int botId, CancellationToken cancellationToken);
}
