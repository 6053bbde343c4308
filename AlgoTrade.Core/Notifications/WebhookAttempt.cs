namespace AlgoTrade.Core.Notifications;

/// <summary>What one POST got: the HTTP status, or why there was none. <see cref="Failure"/> never contains the URL.</summary>
public sealed record WebhookAttempt(int? StatusCode, string? Failure)
{
    /// <summary>
    /// The one failure text for every request that got no HTTP answer (refused, unresolvable, TLS, timeout, blocked
    /// target), so that sending test webhooks tells nothing about the network behind the server.
    /// </summary>
    public const string NotDelivered = "the receiver could not be reached";

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Worth another try: no answer, a timeout, throttling or a server error.</summary>
    public bool Transient => StatusCode is null or 408 or 429 or >= 500;
}
