namespace AlgoTrade.Tests.Exchanges.Fakes;

public enum FakeFaultKind
{
    /// <summary>Accept the order, then answer only after <see cref="FakeFault.Delay"/> (longer than the client waits).</summary>
    TimeoutAfterAccept,
    /// <summary>Do nothing, then answer only after the delay.</summary>
    TimeoutBeforeAccept,
    ServerErrorAfterAccept,
    ServerErrorBeforeAccept,
    /// <summary>-1007 "execution status unknown" after the order was accepted.</summary>
    BackendTimeoutAfterAccept,
    RateLimited,
    IpBanned,
    TimestampOutsideWindow,
    InsufficientBalance,
    FilterFailure,
    OrderDoesNotExist,
    /// <summary>
    /// The order is still in flight inside the exchange for <see cref="FakeFault.Delay"/>: lookups answer -2013 until
    /// it executes, and it executes even though the client has given up waiting for the answer.
    /// </summary>
    ExecutesLate,
    /// <summary>A market order fills half its quantity and expires: not enough liquidity on the book.</summary>
    PartialFill,
    /// <summary>Accept the order, then answer -2010 "Duplicate order sent." as a retried request would hear.</summary>
    DuplicateAnswerAfterAccept,
}

public sealed record FakeFault(FakeFaultKind Kind, int RetryAfterSeconds = 1, TimeSpan? Delay = null);
