namespace AlgoTrade.Core.Notifications;

/// <summary>Webhook URLs must be absolute https URLs; http is accepted only for loopback hosts when the host allows it (Development).</summary>
public static class WebhookUrlValidator
{
    public const int MaxLength = 2000;

    /// <returns>Error messages; empty when the URL is acceptable. Messages never repeat the URL (it may carry a token).</returns>
    public static IReadOnlyList<string> Validate(string? url, bool required, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
            return required ? ["Enter the webhook URL."] : [];
        if (url.Length > MaxLength)
            return [$"The webhook URL is longer than {MaxLength} characters."];
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return ["Enter an absolute URL, such as https://example.com/hooks/algotrade."];
        if (uri.Scheme == Uri.UriSchemeHttps)
            return [];
        if (uri.Scheme == Uri.UriSchemeHttp && allowLoopbackHttp && uri.IsLoopback)
            return [];
        return allowLoopbackHttp
            ? ["Use an https:// URL (http:// is accepted only for localhost in Development)."]
            : ["Use an https:// URL."];
    }
}
