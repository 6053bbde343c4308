namespace AlgoTrade.Core.Exchanges;

public enum ExchangeErrorKind
{
    /// <summary>The key is unknown, lacks the permission, or the request came from an address it does not allow (-2014, -2015, -1022).</summary>
    InvalidApiKey,
    /// <summary>Not enough free balance for the order (-2010).</summary>
    InsufficientBalance,
    /// <summary>Quantity, price or notional outside the symbol's filters (-1013), including our own check before sending.</summary>
    FilterFailure,
    /// <summary>Unknown or non-trading symbol (-1121).</summary>
    BadSymbol,
    /// <summary>Too many requests (HTTP 429/418, -1003); see <see cref="ExchangeError.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The request's timestamp was outside the receive window (-1021).</summary>
    Timestamp,
    /// <summary>The request may or may not have been executed (HTTP 5xx, -1007, timeouts, dropped connections).</summary>
    UnknownExecutionStatus,
    /// <summary>The order does not exist (-2013): a confirmed answer, unlike <see cref="UnknownExecutionStatus"/>.</summary>
    OrderNotFound,
    /// <summary>An order with this client order id was already placed.</summary>
    DuplicateOrder,
    /// <summary>Malformed input refused before anything was sent (bad client order id, missing price …).</summary>
    InvalidRequest,
    /// <summary>The exchange could not be reached and nothing was executed (DNS, refused connection on a read).</summary>
    Unavailable,
    /// <summary>Any other rejection by the exchange.</summary>
    Rejected,
}
