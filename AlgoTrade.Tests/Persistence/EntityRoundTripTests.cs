using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlgoTrade.Tests.Persistence;

public class EntityRoundTripTests
{
    private static readonly DateTime Now = new(2026, 3, 14, 15, 9, 26, 535, DateTimeKind.Utc);

    [Fact]
    public async Task Every_entity_round_trips_with_jsonb_numeric_precision_and_utc_times()
    {
        var userId = 0;
        var botId = 0;
        var jobId = Guid.NewGuid();
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var user = new User { Email = TestUsers.NewEmail(), HashedPassword = "hash", CreatedAt = Now, UpdatedAt = Now };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;

            var bot = new BotConfig
            {
                UserId = userId, Name = "Round trip", Symbol = "BTCUSDT", Timeframe = "15m", ExchangeName = ExchangeNames.Simulated,
                StrategyType = "ema_cross_rsi", StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}"""),
                Risk = new RiskSettings
                {
                    InitialCapital = 12345.12345678m, PositionSizePerc = 25.5m, StopLossPerc = 1.25m, TakeProfitPerc = 3.333333m,
                    TrailingStopPerc = 0.75m, TrailingStopActive = true, MaxTradeDurationHours = 48,
                    PartialTakeProfits = [new PartialTakeProfit(1.5m, 0.25m)], DailyTargetPerc = 5m, MaxDailyLossPerc = 2.5m,
                },
                CheckIntervalSeconds = 30, CreatedAt = Now, UpdatedAt = Now,
                State = new BotState { Status = BotStatus.Running, InPosition = true, EntryPrice = 64123.45678901m, CurrentPositionSizeCoins = 0.00012345m, DailyPnl = -1.23456789m, DailyTradesCount = 3, LastRunAt = Now, LastUpdatedAt = Now },
            };
            db.BotConfigs.Add(bot);
            await db.SaveChangesAsync();
            botId = bot.Id;

            db.ApiKeys.Add(new ApiKey { UserId = userId, EncryptedApiKey = "cipher-a", EncryptedSecretKey = "cipher-s", Label = "main", MaskedKey = "abcd…wxyz", CreatedAt = Now, UpdatedAt = Now });
            db.Trades.Add(new Trade { BotConfigId = botId, UserId = userId, Symbol = "BTCUSDT", Side = OrderSide.Buy, OrderType = OrderTypes.Market, Price = 64123.45678901m, QuantityFilled = 0.00012345m, QuoteQuantityFilled = 7.91604074m, CommissionAmount = 0.00791604m, CommissionAsset = "USDT", Pnl = -0.12345678m, EntryReason = "signal", Timestamp = Now, BinanceOrderId = "123", ClientOrderId = "b1-1" });
            db.BotActivityLogs.Add(new BotActivityLog { BotConfigId = botId, UserId = userId, Timestamp = Now, LogLevel = ActivityLogLevel.Info, Message = "Entered", Details = JsonDocument.Parse("""{"rsi": 41.5, "rule": "signal"}""") });
            db.UserNotificationPreferences.Add(new UserNotificationPreference { UserId = userId, NotificationType = "trade_executed", EmailEnabled = true, WebhookUrl = "https://hooks.example.test/x", WebhookEnabled = true, CreatedAt = Now, UpdatedAt = Now });
            db.BacktestJobs.Add(new BacktestJob { Id = jobId, UserId = userId, Status = BacktestJobStatus.Completed, Config = JsonDocument.Parse("""{"symbol": "ETHUSDT"}"""), Results = JsonDocument.Parse("""{"summary": {"trades": 2}}"""), CreatedAt = Now, UpdatedAt = Now });
            await db.SaveChangesAsync();
        }

        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var bot = await db.BotConfigs.Include(b => b.State).SingleAsync(b => b.Id == botId);
            Assert.Equal(12345.12345678m, bot.Risk.InitialCapital);
            Assert.Equal(3.333333m, bot.Risk.TakeProfitPerc);
            Assert.Equal(9, bot.StrategyParams.RootElement.GetProperty("ema_fast").GetInt32());
            Assert.Equal(0.25m, bot.Risk.PartialTakeProfits[0].Ratio);
            Assert.Equal(48, bot.Risk.MaxTradeDurationHours);
            Assert.Equal(64123.45678901m, bot.State!.EntryPrice);
            Assert.Equal(0.00012345m, bot.State.CurrentPositionSizeCoins);
            Assert.Equal(-1.23456789m, bot.State.DailyPnl);
            Assert.Equal(Now, bot.State.LastRunAt);
            Assert.Equal(DateTimeKind.Utc, bot.State.LastRunAt!.Value.Kind);

            var trade = await db.Trades.SingleAsync(t => t.BotConfigId == botId);
            Assert.Equal(7.91604074m, trade.QuoteQuantityFilled);
            Assert.Equal(-0.12345678m, trade.Pnl);
            Assert.Equal("b1-1", trade.ClientOrderId);

            var log = await db.BotActivityLogs.SingleAsync(l => l.BotConfigId == botId);
            Assert.Equal(41.5, log.Details!.RootElement.GetProperty("rsi").GetDouble());

            var key = await db.ApiKeys.SingleAsync(k => k.UserId == userId);
            Assert.Equal(ExchangeNames.Binance, key.ExchangeName);
            Assert.Equal("cipher-s", key.EncryptedSecretKey);

            var pref = await db.UserNotificationPreferences.SingleAsync(p => p.UserId == userId);
            Assert.True(pref.WebhookEnabled);

            var job = await db.BacktestJobs.SingleAsync(j => j.Id == jobId);
            Assert.Equal(2, job.Results!.RootElement.GetProperty("summary").GetProperty("trades").GetInt32());

            // Deleting the user removes everything it owns.
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == userId));
            await db.SaveChangesAsync();
            Assert.False(await db.BotConfigs.AnyAsync(b => b.Id == botId));
            Assert.False(await db.Trades.AnyAsync(t => t.BotConfigId == botId));
            Assert.False(await db.BotActivityLogs.AnyAsync(l => l.BotConfigId == botId));
            Assert.False(await db.BacktestJobs.AnyAsync(j => j.Id == jobId));
        }
    }

    [Fact]
    public async Task Emails_are_unique_regardless_of_case()
    {
        var email = TestUsers.NewEmail();
        await using var db = await TestDatabase.SharedContextAsync();
        db.Users.Add(new User { Email = email, HashedPassword = "x", CreatedAt = Now, UpdatedAt = Now });
        await db.SaveChangesAsync();

        await using var db2 = await TestDatabase.SharedContextAsync();
        db2.Users.Add(new User { Email = email.ToUpperInvariant(), HashedPassword = "x", CreatedAt = Now, UpdatedAt = Now });
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db2.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, Assert.IsType<PostgresException>(ex.InnerException).SqlState);
    }
}
