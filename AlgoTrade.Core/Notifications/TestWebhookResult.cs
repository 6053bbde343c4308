namespace AlgoTrade.Core.Notifications;

/// <param name="Errors">Why nothing was sent (an invalid URL); empty when a request went out.</param>
/// <param name="Attempt">What the receiver answered.</param>
/// <param name="NewSigningSecret">The secret generated for this test because the user had none, to show once.</param>
public sealed record TestWebhookResult(IReadOnlyList<string> Errors, WebhookAttempt? Attempt, string? NewSigningSecret);
