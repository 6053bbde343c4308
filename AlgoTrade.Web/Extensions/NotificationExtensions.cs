using AlgoTrade.Core.Notifications;
using AlgoTrade.Web.Notifications;

namespace AlgoTrade.Web.Extensions;

public static class NotificationExtensions
{
    /// <summary>Notification preferences and webhook delivery of this node's bot events; needs the event hub (scheduling).</summary>
    public static WebApplicationBuilder AddAlgoTradeNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddAlgoTradeNotifications(builder.Environment.IsDevelopment());
        // The loopback allowance exists for a developer's local receiver and for the tests' receivers, nowhere else.
        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
            builder.Services.AddOptions<NotificationOptions>()
                .Validate(o => !o.AllowLoopbackHttp, "Notifications:AllowLoopbackHttp is for Development and tests only; webhooks in production go to public addresses.")
                .ValidateOnStart();
        return builder;
    }

    public static IServiceCollection AddAlgoTradeNotifications(this IServiceCollection services, bool isDevelopment)
    {
        Core.Notifications.NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(services);
        // A local receiver (http://localhost) is how webhooks are tried out on a development machine.
        if (isDevelopment)
            services.PostConfigure<NotificationOptions>(o => o.AllowLoopbackHttp = true);
        services.AddHostedService<LocalNotificationFeed>();
        return services;
    }
}
