namespace AlgoTrade.Core.Notifications;

/// <summary>What one POST got: the HTTP status, or why there was none. <see cref="Failure"/> never contains the URL.</summary>
public sealed record WebhookAttempt(int? StatusCode, string? Failure)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Worth another try: no answer, a timeout, throttling or a server error.</summary>
    public bool Transient => StatusCode is null or 408 or 429 or >= 500;
}
