using AlgoTrade.Core;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Hosting;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Notifications;

/// <summary>One app node as the web app wires it for notifications: Core, the event hub with its PostgreSQL relay, delivery.</summary>
public static class NotificationNode
{
    public static async Task<IHost> StartAsync(string connectionString, string channel, LogCapture logs, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Scheduling:Enabled"] = "false",
            ["LiveEvents:Channel"] = channel,
            ["Notifications:AllowLoopbackHttp"] = "true",
            ["Notifications:WebhookRetryDelay"] = "00:00:00.050",
            ["Notifications:WebhookTimeout"] = "00:00:05",
        };
        if (settings is not null)
            foreach (var (k, v) in settings) values[k] = v;
        TestKeyRing.AddTo(values);
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddAlgoTradeCore(builder.Configuration);
        builder.Services.AddAlgoTradeScheduling(builder.Configuration);
        builder.Services.AddAlgoTradeNotifications(isDevelopment: false);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IBotEventHub Hub(this IHost host) => host.Services.GetRequiredService<IBotEventHub>();

    public static NotificationPreferenceService Preferences(this IHost host) => host.Services.GetRequiredService<NotificationPreferenceService>();
}
