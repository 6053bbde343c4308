using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// A real app process (dotnet AlgoTrade.Web.dll from the build output) trades on the fake Binance and is killed with
/// SIGKILL at an exact point of a tick (<see cref="CrashPoint"/>, armed only in the Testing environment); a second
/// process on the same database must settle the order by its client order id: one exchange order, one trade, the
/// bot's position equal to its account's, and the bot ticking on.
/// </summary>
public class ProcessKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(CrashPoint.AfterCheckpoint)]
    [InlineData(CrashPoint.AfterSend)]
    [InlineData(CrashPoint.DuringCommit)]
    public async Task Killing_the_app_mid_tick_neither_doubles_nor_loses_the_order_and_the_bot_resumes(string point)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var exchange = await FakeBinanceServer.StartAsync();
        // A flat market: no signal and no stop, so the one decided buy is the only order.
        exchange.PriceAt = (_, _) => 60_000m;
        var settings = new Dictionary<string, string?>
        {
            ["Exchanges:Binance:BaseUrl"] = exchange.BaseUrl,
            ["Exchanges:Binance:RequestTimeout"] = "00:00:02",
        };
        var apiKey = $"killkey{Guid.NewGuid():N}{Guid.NewGuid():N}"[..64];
        var secret = $"killsecret{Guid.NewGuid():N}{Guid.NewGuid():N}"[..64];
        exchange.AddAccount(apiKey, secret, usdt: 10_000m, btc: 0m);
        var botId = await CreateBotWithADecidedBuyAsync(database.ConnectionString, settings, apiKey, secret);

        // First process: dies at the crash point of the tick that sends the buy.
        await using var first = AppProcess.Launch("kill-first", database.ConnectionString, With(settings, point));
        var died = await first.WaitForExitAsync(Patience);
        Assert.True(died, $"The app did not die at {point} within {Patience.TotalSeconds} s:\n{Tail(first)}");
        Assert.NotEqual(0, first.ExitCode);
        var crashed = await StateAsync(database.ConnectionString, botId);
        Assert.NotNull(crashed.PendingOrders);
        Assert.Empty(await TradesAsync(database.ConnectionString, botId));
        Assert.Equal(point == CrashPoint.AfterCheckpoint ? 0 : 1, exchange.Orders.Count);
        output.WriteLine($"{point}: first process killed (exit {first.ExitCode}); {exchange.Orders.Count} exchange order(s), pending {crashed.PendingOrders}");

        // Second process: settles the order and ticks on.
        await using var second = AppProcess.Launch("kill-second", database.ConnectionString, With(settings, null));
        var started = DateTime.UtcNow;
        var state = crashed;
        List<Trade> trades = [];
        async Task WaitAsync(Func<bool> done)
        {
            while (true)
            {
                state = await StateAsync(database.ConnectionString, botId);
                trades = await TradesAsync(database.ConnectionString, botId);
                if (done()) return;
                Assert.False(second.HasExited, $"The second process exited:\n{Tail(second)}");
                Assert.True(DateTime.UtcNow - started < Patience, $"Not settled within {Patience.TotalSeconds} s: {trades.Count} trades, pending {state.PendingOrders}, status {state.Status} {state.LastErrorMessage}\n{Tail(second)}");
                await Task.Delay(250);
            }
        }
        await WaitAsync(() => trades.Count > 0 && state.PendingOrders is null);
        var settledIn = DateTime.UtcNow - started;
        var settledAt = state.LastRunAt;
        // …and it resumes: the next tick runs at its interval.
        await WaitAsync(() => state.LastRunAt > settledAt);

        var order = Assert.Single(exchange.Orders);
        var trade = Assert.Single(trades);
        Assert.Equal(order.ClientOrderId, trade.ClientOrderId);
        Assert.Equal(order.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), trade.BinanceOrderId);
        Assert.Equal(order.ExecutedQuantity - order.Commission, trade.QuantityFilled);
        // Sent before the crash, the first id is settled; written down but never sent, it is dropped and decided again.
        Assert.Equal(OrderExecutor.ClientOrderIdFor(botId, point == CrashPoint.AfterCheckpoint ? 2 : 1), order.ClientOrderId);
        Assert.Equal(BotStatus.Running, state.Status);
        Assert.True(state.InPosition);
        Assert.Equal(exchange.Balances[(apiKey, "BTC")], state.CurrentPositionSizeCoins);
        output.WriteLine($"{point}: second process settled {order.ClientOrderId} {settledIn.TotalSeconds:0} s after it started, and ticked on");
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string? crashPoint) =>
        new(settings) { ["Runtime:CrashPoint"] = crashPoint ?? "" };

    private static string Tail(AppProcess app) => app.ConsoleOutput is { Length: > 6000 } all ? all[^6000..] : app.ConsoleOutput;

    private static async Task<int> CreateBotWithADecidedBuyAsync(string connectionString, Dictionary<string, string?> settings, string apiKey, string secret)
    {
        await using var services = CoreServices.Build(connectionString, configure: null, settings);
        var userId = (await services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail("kill"), TestUsers.Password)).User!.Id;
        var key = await services.GetRequiredService<ApiKeyService>().AddAsync(userId, new NewApiKey(ExchangeNames.Binance, "main", apiKey, secret));
        Assert.True(key.Key is { IsValid: true }, key.Key?.ValidationMessage);

        var now = DateTime.UtcNow;
        await using var db = TestDatabase.CreateContext(connectionString);
        var bot = new BotConfig
        {
            UserId = userId,
            Name = "kill -9",
            Symbol = "BTCUSDT",
            Timeframe = "1m",
            ExchangeName = ExchangeNames.Binance,
            IsActive = true,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 3, "ema_slow": 8, "rsi_period": 5}"""),
            Risk = new RiskSettings { InitialCapital = 10_000m, PositionSizePerc = 50m, StopLossPerc = 50m, PartialTakeProfits = [] },
            CheckIntervalSeconds = 5,
            CreatedAt = now,
            UpdatedAt = now,
            // An entry decided at the last close: the bot's first tick sends it.
            State = new BotState
            {
                Status = BotStatus.Running,
                LastUpdatedAt = now,
                EngineState = BacktestJson.Serialize(new PositionState { Cash = 10_000, PendingOrder = PendingOrder.Buy }),
            },
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot.Id;
    }

    private static async Task<BotState> StateAsync(string connectionString, int botId)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        return await db.BotStates.AsNoTracking().SingleAsync(s => s.BotConfigId == botId);
    }

    private static async Task<List<Trade>> TradesAsync(string connectionString, int botId)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        return await db.Trades.AsNoTracking().Where(t => t.BotConfigId == botId).ToListAsync();
    }
}
