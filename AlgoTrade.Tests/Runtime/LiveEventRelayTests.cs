using AlgoTrade.Core;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Hosting;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Runtime;

public class LiveEventRelayTests
{
    private static async Task<IHost> StartNodeAsync(string connectionString, string channel)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Scheduling:Enabled"] = "false",
            ["LiveEvents:Channel"] = channel,
        });
        builder.Configuration.AddInMemoryCollection(TestKeyRing.Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAlgoTradeCore(builder.Configuration);
        builder.Services.AddAlgoTradeScheduling(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task An_event_published_on_node_A_reaches_a_listener_on_node_B_once()
    {
        var connection = await TestDatabase.SharedAsync();
        var channel = "test_events_" + Guid.NewGuid().ToString("N")[..12];
        using var nodeA = await StartNodeAsync(connection, channel);
        using var nodeB = await StartNodeAsync(connection, channel);
        var onB = new List<BotEvent>();
        var onA = new List<BotEvent>();
        using var subB = nodeB.Services.GetRequiredService<IBotEventHub>().Subscribe(e => { lock (onB) onB.Add(e); return Task.CompletedTask; }, e => e.UserId == 77);
        using var subA = nodeA.Services.GetRequiredService<IBotEventHub>().Subscribe(e => { lock (onA) onA.Add(e); return Task.CompletedTask; });
        await Task.Delay(500); // both listeners are LISTENing

        var published = new TradeExecuted(5, 77, DateTime.UtcNow, 9, "BTCUSDT", "BUY", 64000.5m, 0.01m, null, "signal");
        nodeA.Services.GetRequiredService<IBotEventHub>().Publish(published);
        nodeA.Services.GetRequiredService<IBotEventHub>().Publish(new BotStateChanged(6, 78, DateTime.UtcNow, BotStatus.Running));

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && onB.Count == 0) await Task.Delay(50);
        await Task.Delay(300);
        lock (onB) Assert.Equal(published, Assert.Single(onB));
        // The publishing node delivers in-process once and ignores its own notification.
        lock (onA) Assert.Equal(2, onA.Count);
        await nodeA.StopAsync();
        await nodeB.StopAsync();
    }
}
