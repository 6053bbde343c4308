namespace AlgoTrade.Core.Bots;

public enum BotOperationStatus
{
    Ok,
    /// <summary>No such bot for this user: someone else's bot reads exactly like a missing one.</summary>
    NotFound,
    /// <summary>The configuration has problems, listed in <see cref="BotOperationResult.Errors"/>; nothing was saved.</summary>
    Invalid,
    /// <summary>Deleting would also delete trades or activity logs, which needs the caller's explicit consent.</summary>
    HasHistory,
}
