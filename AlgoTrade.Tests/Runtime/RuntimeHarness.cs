using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Runtime;

/// <summary>The real runtime (BotRunner, simulated exchange, paper ledger, PostgreSQL) on a clock the test moves.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private RuntimeHarness(ServiceProvider services, ManualClock clock)
    {
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }
    public ManualClock Clock { get; }
    public List<BotEvent> Events { get; } = [];
    public IBotRunner Runner => Services.GetRequiredService<IBotRunner>();

    /// <summary>Another node's runner on the same database and market: its own warm strategies, nothing else shared.</summary>
    public IBotRunner SecondNode => _secondNode ??= ActivatorUtilities.CreateInstance<BotRunner>(Services, new WarmStrategies(Clock));

    private IBotRunner? _secondNode;

    public static async Task<RuntimeHarness> StartAsync(DateTime start, Func<IExchangeClientFactory, IExchangeClientFactory>? wrapExchanges = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new ManualClock(start);
        var services = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<BotEventHub>();
            s.AddSingleton<IBotEventHub>(sp => sp.GetRequiredService<BotEventHub>());
            if (wrapExchanges is not null)
                s.AddSingleton(sp => wrapExchanges(sp.GetRequiredService<ExchangeClientFactory>()));
        }, settings);
        var harness = new RuntimeHarness(services, clock);
        services.GetRequiredService<IBotEventHub>().Subscribe(e =>
        {
            lock (harness.Events) harness.Events.Add(e);
            return Task.CompletedTask;
        });
        return harness;
    }

    public async Task<(int UserId, int BotId)> CreateBotAsync(Action<BotConfig>? configure = null, BotStatus status = BotStatus.Running)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail("runtime"), HashedPassword = "x", CreatedAt = Clock.UtcNow, UpdatedAt = Clock.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var bot = new BotConfig
        {
            UserId = user.Id,
            Name = "runtime test",
            Symbol = "BTCUSDT",
            Timeframe = "1m",
            ExchangeName = ExchangeNames.Simulated,
            IsActive = status is BotStatus.Running or BotStatus.Paused,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 3, "ema_slow": 8, "rsi_period": 5, "rsi_overbought": 90}"""),
            Risk = new RiskSettings
            {
                InitialCapital = 10_000m,
                PositionSizePerc = 50m,
                StopLossPerc = 0.4m,
                TakeProfitPerc = 0.8m,
                TrailingStopActive = true,
                TrailingStopPerc = 0.3m,
                PartialTakeProfits = [new PartialTakeProfit(0.4m, 0.5m)],
            },
            CheckIntervalSeconds = 5,
            CreatedAt = Clock.UtcNow,
            UpdatedAt = Clock.UtcNow,
            State = new BotState { Status = status, LastUpdatedAt = Clock.UtcNow },
        };
        configure?.Invoke(bot);
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return (user.Id, bot.Id);
    }

    public static async Task<BotState> StateAsync(int botId)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        return await db.BotStates.AsNoTracking().SingleAsync(s => s.BotConfigId == botId);
    }

    public static async Task<List<Trade>> TradesAsync(int botId)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        return await db.Trades.AsNoTracking().Where(t => t.BotConfigId == botId).OrderBy(t => t.Id).ToListAsync();
    }

    public static async Task<List<BotActivityLog>> LogsAsync(int botId)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        return await db.BotActivityLogs.AsNoTracking().Where(l => l.BotConfigId == botId).OrderBy(l => l.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
