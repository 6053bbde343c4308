using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>Core services with a recording scheduler and the in-process event hub, plus valid bot drafts and seeded trades.</summary>
public static class BotFixtures
{
    public static ServiceProvider BuildServices(string connectionString, RecordingScheduleControl schedule) =>
        CoreServices.Build(connectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(schedule);
            s.AddSingleton<BotEventHub>();
            s.AddSingleton<IBotEventHub>(sp => sp.GetRequiredService<BotEventHub>());
            // The bot form prefills from a sweep's point; nothing runs the queued chunks here.
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
        }, OfflineBinance);

    /// <summary>Binance at a closed loopback port: symbol lookups fail at once instead of reaching the internet.</summary>
    public static IReadOnlyDictionary<string, string?> OfflineBinance { get; } = new Dictionary<string, string?>
    {
        ["Exchanges:Binance:BaseUrl"] = "http://127.0.0.1:9",
        ["Exchanges:BinanceTestnet:BaseUrl"] = "http://127.0.0.1:9",
    };

    public static async Task<int> NewUserAsync(IServiceProvider services, string prefix = "bots") =>
        (await services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail(prefix), TestUsers.Password)).User!.Id;

    /// <summary>A valid simulated bot: the simulated market answers offline, so the symbol list is checked for real.</summary>
    public static BotConfig Draft(string name = "BTC trend", string exchange = ExchangeNames.Simulated) => new()
    {
        Name = name,
        ExchangeName = exchange,
        Symbol = "btcusdt",
        Timeframe = "15m",
        CheckIntervalSeconds = 30,
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}"""),
        Risk = new RiskSettings
        {
            InitialCapital = 1000,
            PositionSizePerc = 25,
            StopLossPerc = 2,
            TakeProfitPerc = 5,
            TrailingStopActive = true,
            TrailingStopPerc = 1.5m,
            PartialTakeProfits = [new PartialTakeProfit(2, 0.5m)],
        },
    };

    public static async Task<Trade> AddTradeAsync(int userId, int botId, DateTime at, OrderSide side = OrderSide.Buy, string symbol = "BTCUSDT",
        decimal price = 100, decimal quantity = 1, decimal? pnl = null, decimal commission = 0.1m, string? entryReason = null, string? exitReason = null)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var trade = new Trade
        {
            UserId = userId, BotConfigId = botId, Symbol = symbol, Side = side, OrderType = OrderTypes.Market, Price = price,
            QuantityFilled = quantity, QuoteQuantityFilled = price * quantity, CommissionAmount = commission, CommissionAsset = "USDT",
            Pnl = pnl, EntryReason = side == OrderSide.Buy ? entryReason ?? "signal" : null,
            ExitReason = side == OrderSide.Sell ? exitReason ?? "signal" : null, Timestamp = at,
        };
        db.Trades.Add(trade);
        await db.SaveChangesAsync();
        return trade;
    }

    public static async Task AddLogAsync(int userId, int botId, string message)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        db.BotActivityLogs.Add(new BotActivityLog { UserId = userId, BotConfigId = botId, Timestamp = DateTime.UtcNow, Message = message });
        await db.SaveChangesAsync();
    }
}
