using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlgoTrade.Core.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Preferences, signing and webhook delivery. The host feeds <see cref="NotificationDispatcher"/> its local bot events.</summary>
    public static IServiceCollection AddAlgoTradeNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddHttpClient(WebhookSender.HttpClientName)
            // Redirects could lead a signed call somewhere the URL check never saw.
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                // A proxy would make the connection callback reach the proxy instead of the checked address.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
            })
            // The default request logging writes the full URL, whose path or query may hold the receiver's token.
            .RemoveAllLoggers();
        services.TryAddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationPreferenceCache>();
        services.AddSingleton<NotificationPreferenceService>();
        services.AddSingleton<NotificationEmailer>();
        services.AddSingleton<DailyDigestService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<INotificationSink>(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
