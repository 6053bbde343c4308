namespace AlgoTrade.Core.Exchanges;

/// <summary>A typed exchange failure. <see cref="Message"/> never contains credentials or signed query strings.</summary>
public sealed record ExchangeError(ExchangeErrorKind Kind, string Message, int? Code = null, TimeSpan? RetryAfter = null)
{
    /// <summary>
    /// Worth retrying later without changing anything: rate limits, clock drift, outages and unknown execution status.
    /// An unknown execution status must be reconciled by client order id before any new attempt.
    /// </summary>
    public bool IsTransient => Kind is ExchangeErrorKind.RateLimited or ExchangeErrorKind.Timestamp
        or ExchangeErrorKind.UnknownExecutionStatus or ExchangeErrorKind.Unavailable;

    /// <summary>
    /// The order may exist on the exchange: query it by client order id before sending anything else. A duplicate
    /// answer means an earlier attempt under the same id got through, so that order is the answer, not a refusal.
    /// </summary>
    public bool RequiresReconciliation => Kind is ExchangeErrorKind.UnknownExecutionStatus or ExchangeErrorKind.DuplicateOrder;

    public override string ToString() => Code is { } code ? $"{Kind} ({code}): {Message}" : $"{Kind}: {Message}";
}
