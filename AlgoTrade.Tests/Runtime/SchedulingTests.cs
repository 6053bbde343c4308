using System.Collections.Concurrent;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Hosting;
using AlgoTrade.Hosting.Scheduling;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Runtime;

public class SchedulingTests
{
    private static async Task<(int UserId, int BotId)> CreateBotAsync(string connectionString, BotStatus status = BotStatus.Running, Action<BotConfig>? configure = null)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        var user = new User { Email = TestUsers.NewEmail("sched"), HashedPassword = "x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var bot = new BotConfig
        {
            UserId = user.Id, Name = "scheduled", Symbol = "ETHUSDT", Timeframe = "1m", ExchangeName = ExchangeNames.Simulated,
            IsActive = status is BotStatus.Running or BotStatus.Paused, StrategyType = "ema_cross_rsi",
            Risk = new RiskSettings { InitialCapital = 1000, PositionSizePerc = 10 }, CheckIntervalSeconds = 5, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            State = new BotState { Status = status, LastUpdatedAt = DateTime.UtcNow },
        };
        configure?.Invoke(bot);
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return (user.Id, bot.Id);
    }

    [Fact]
    public async Task Starting_schedules_real_ticks_editing_reschedules_and_stopping_unschedules()
    {
        await using var app = await AlgoTradeWebFactory.StartAsync();
        var scheduler = app.Services.GetRequiredService<BotScheduler>();
        var (_, botId) = await CreateBotAsync(await TestDatabase.SharedAsync());

        await scheduler.ScheduleAsync(botId, 5);
        Assert.True(await scheduler.IsScheduledAsync(botId));
        Assert.Equal(TimeSpan.FromSeconds(5), await scheduler.GetIntervalAsync(botId));

        // The first fire is immediate; its tick warms the strategy up and commits.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        BotState? state = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await TestDatabase.SharedContextAsync();
            state = await db.BotStates.AsNoTracking().SingleAsync(s => s.BotConfigId == botId);
            if (state.LastRunAt is not null) break;
            await Task.Delay(200);
        }
        Assert.NotNull(state?.LastRunAt);
        Assert.NotNull(state!.LastCandleOpenTime);

        await scheduler.ScheduleAsync(botId, 7);
        Assert.Equal(TimeSpan.FromSeconds(7), await scheduler.GetIntervalAsync(botId));

        await scheduler.UnscheduleAsync(botId);
        Assert.False(await scheduler.IsScheduledAsync(botId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => scheduler.ScheduleAsync(botId, 4));
    }

    [Fact]
    public async Task Daily_reset_lifts_limit_pauses_but_never_restarts_a_bot_a_person_stopped()
    {
        await using var fresh = await TestDatabase.CreateMigratedAsync();
        var (_, paused) = await CreateBotAsync(fresh.ConnectionString, BotStatus.Paused);
        var (_, stopped) = await CreateBotAsync(fresh.ConnectionString, BotStatus.Stopped);
        var (_, failed) = await CreateBotAsync(fresh.ConnectionString, BotStatus.Error);
        await using (var db = TestDatabase.CreateContext(fresh.ConnectionString))
            await db.BotStates.ExecuteUpdateAsync(s => s.SetProperty(b => b.DailyPnl, -12.5m).SetProperty(b => b.DailyTradesCount, 4));

        await using var services = CoreServices.Build(fresh.ConnectionString);
        await services.GetRequiredService<DailyReset>().RunAsync();

        await using var check = TestDatabase.CreateContext(fresh.ConnectionString);
        var states = await check.BotStates.AsNoTracking().ToDictionaryAsync(s => s.BotConfigId);
        Assert.All(states.Values, s => { Assert.Equal(0m, s.DailyPnl); Assert.Equal(0, s.DailyTradesCount); });
        Assert.Equal(BotStatus.Running, states[paused].Status);
        Assert.Equal(BotStatus.Stopped, states[stopped].Status);
        Assert.Equal(BotStatus.Error, states[failed].Status);
        Assert.False((await check.BotConfigs.SingleAsync(b => b.Id == stopped)).IsActive);
    }

    [Fact]
    public async Task Two_clustered_nodes_on_one_database_run_each_fire_exactly_once()
    {
        await using var fresh = await TestDatabase.CreateMigratedAsync();
        var (_, botId) = await CreateBotAsync(fresh.ConnectionString);
        var ticks = new ConcurrentQueue<(string Node, DateTime At)>();

        using var nodeA = await StartNodeAsync(fresh.ConnectionString, "node-a", ticks);
        using var nodeB = await StartNodeAsync(fresh.ConnectionString, "node-b", ticks);
        await Task.Delay(TimeSpan.FromSeconds(17));
        await nodeA.StopAsync();
        await nodeB.StopAsync();

        var fires = ticks.OrderBy(t => t.At).ToList();
        Assert.InRange(fires.Count, 3, 5);
        for (var i = 1; i < fires.Count; i++)
            Assert.True((fires[i].At - fires[i - 1].At).TotalSeconds > 3.5, $"Two ticks {fires[i].At - fires[i - 1].At} apart: a fire ran twice.");
        foreach (var node in new[] { nodeA, nodeB })
            Assert.Equal(0, node.Services.GetRequiredService<TickMetrics>().Overlaps);
        _ = botId;
    }

    private static async Task<IHost> StartNodeAsync(string connectionString, string node, ConcurrentQueue<(string, DateTime)> ticks)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Scheduling:StoreMode"] = "Postgres",
            ["Scheduling:InstanceId"] = node,
            ["Scheduling:ClusterCheckinInterval"] = "00:00:02",
        });
        builder.Configuration.AddInMemoryCollection(TestKeyRing.Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAlgoTradeCore(builder.Configuration);
        builder.Services.AddAlgoTradeScheduling(builder.Configuration);
        builder.Services.AddSingleton<IBotRunner>(new RecordingRunner(node, ticks));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class RecordingRunner(string node, ConcurrentQueue<(string, DateTime)> ticks) : IBotRunner
    {
        public Task<TickOutcome> TickAsync(int botId, CancellationToken cancellationToken)
        {
            ticks.Enqueue((node, DateTime.UtcNow));
            return Task.FromResult(TickOutcome.Completed);
        }
    }
}
