namespace AlgoTrade.Core.Runtime;

public enum TickOutcome
{
    /// <summary>The tick ran and committed.</summary>
    Completed,
    /// <summary>Nothing to do: the bot is stopped, deleted or in error.</summary>
    Skipped,
    /// <summary>A transient failure; the next tick retries.</summary>
    FailedTransient,
    /// <summary>The bot went to status error and must be unscheduled.</summary>
    BotDisabled,
}
