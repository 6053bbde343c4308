using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// POSTs signed webhook bodies. Logs name the receiver's host only: the path and query of a webhook URL often carry
/// the receiver's token (Slack, Discord, …), so the HTTP client's own request logging is removed as well.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<NotificationOptions> options, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "AlgoTrade.Webhooks";

    public async Task<WebhookAttempt> SendOnceAsync(Uri url, byte[] body, string secret, string deliveryId, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(secret, body));
        request.Headers.Add(WebhookSigner.DeliveryHeader, deliveryId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookAttempt((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogDebug("Webhook to {WebhookHost}: no answer within {TimeoutSeconds} s", url.Host, options.Value.WebhookTimeout.TotalSeconds);
            return new WebhookAttempt(null, WebhookAttempt.NotDelivered);
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may quote the URL, and telling refused from filtered from TLS-failed would make
            // the test button a port scanner of the server's network: the user sees one neutral text.
            logger.LogDebug("Webhook to {WebhookHost} not delivered: {HttpRequestError}{Refused}", url.Host, ex.HttpRequestError,
                ex.InnerException is WebhookTargetRefusedException ? " (target is not a public address)" : "");
            return new WebhookAttempt(null, WebhookAttempt.NotDelivered);
        }
    }

    /// <summary>Sends with retries and exponential backoff for transient failures; gives up with a warning.</summary>
    public async Task<WebhookAttempt> DeliverAsync(Uri url, byte[] body, string secret, string type, int userId, int botId, CancellationToken ct)
    {
        var deliveryId = Guid.NewGuid().ToString("N");
        var delay = options.Value.WebhookRetryDelay;
        var maxAttempts = Math.Max(1, options.Value.WebhookMaxAttempts);
        WebhookAttempt attempt = new(null, "not sent");
        for (var n = 1; n <= maxAttempts; n++)
        {
            attempt = await SendOnceAsync(url, body, secret, deliveryId, ct);
            if (attempt.Succeeded)
            {
                logger.LogInformation("Webhook {NotificationType} for bot {BotId} of user {UserId} delivered to {WebhookHost}: HTTP {StatusCode}",
                    type, botId, userId, url.Host, attempt.StatusCode);
                return attempt;
            }
            if (!attempt.Transient || n == maxAttempts) break;
            logger.LogDebug("Webhook {NotificationType} to {WebhookHost} attempt {Attempt} failed ({StatusCode} {Failure}); retrying in {Delay}",
                type, url.Host, n, attempt.StatusCode, attempt.Failure, delay);
            await Task.Delay(delay, ct);
            delay *= 2;
        }
        logger.LogWarning("Gave up on webhook {NotificationType} for bot {BotId} of user {UserId} to {WebhookHost}: HTTP {StatusCode} {Failure}",
            type, botId, userId, url.Host, attempt.StatusCode, attempt.Failure);
        return attempt;
    }
}
