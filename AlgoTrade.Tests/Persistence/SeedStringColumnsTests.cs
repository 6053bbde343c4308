using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Email;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AlgoTrade.Tests.Persistence;

/// <summary>
/// Enums that the seed schema stores as strings keep exactly those strings in the database: written through EF Core
/// they read back raw as the seed spells them, and rows written by SQL in that spelling load as the enum.
/// </summary>
public class SeedStringColumnsTests
{
    [Fact]
    public async Task Order_sides_are_stored_as_BUY_and_SELL()
    {
        var (userId, botId) = await AddUserAndBotAsync();
        var sell = await BotFixtures.AddTradeAsync(userId, botId, DateTime.UtcNow, OrderSide.Sell, pnl: 1);
        long orderId;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var order = new PaperOrder
            {
                BotConfigId = botId, ClientOrderId = "seed-strings-1", Symbol = "BTCUSDT", Side = OrderSide.Buy, Quantity = 1,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.PaperOrders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        }

        Assert.Equal("SELL", await RawAsync("SELECT side FROM trades WHERE id = @id", sell.Id));
        Assert.Equal("BUY", await RawAsync("SELECT side FROM paper_orders WHERE id = @id", orderId));

        await ExecuteAsync("UPDATE trades SET side = 'BUY' WHERE id = @id", sell.Id);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            Assert.Equal(OrderSide.Buy, (await db.Trades.SingleAsync(t => t.Id == sell.Id)).Side);
            // A filter on the enum is sent to SQL as the stored string.
            Assert.Equal(1, await db.Trades.CountAsync(t => t.BotConfigId == botId && t.Side == OrderSide.Buy));
            Assert.Equal(0, await db.Trades.CountAsync(t => t.BotConfigId == botId && t.Side == OrderSide.Sell));
        }
    }

    [Fact]
    public async Task Paper_order_statuses_are_stored_as_NEW_FILLED_and_CANCELED()
    {
        var (_, botId) = await AddUserAndBotAsync();
        long orderId;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var order = new PaperOrder
            {
                BotConfigId = botId, ClientOrderId = "seed-status-1", Symbol = "BTCUSDT", Quantity = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.PaperOrders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
            Assert.Equal("NEW", await RawAsync("SELECT status FROM paper_orders WHERE id = @id", orderId));

            order.Status = OrderStatus.Canceled;
            await db.SaveChangesAsync();
        }
        Assert.Equal("CANCELED", await RawAsync("SELECT status FROM paper_orders WHERE id = @id", orderId));

        await ExecuteAsync("UPDATE paper_orders SET status = 'FILLED' WHERE id = @id", orderId);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            Assert.Equal(OrderStatus.Filled, (await db.PaperOrders.SingleAsync(o => o.Id == orderId)).Status);
            Assert.Equal(0, await db.PaperOrders.CountAsync(o => o.BotConfigId == botId && o.Status == OrderStatus.New));
        }
    }

    [Fact]
    public async Task Bot_statuses_are_stored_as_running_stopped_error_and_paused()
    {
        var (userId, botId) = await AddUserAndBotAsync();
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            // Running is the enum's default value: it must still be written, not replaced by the column default.
            db.BotStates.Add(new BotState { BotConfigId = botId, Status = BotStatus.Running, LastUpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.Equal("running", await RawAsync("SELECT status FROM bot_state WHERE bot_config_id = @id", botId));

        await using (var db = await TestDatabase.SharedContextAsync())
        {
            await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BotStatus.Paused));
            Assert.Equal("paused", await RawAsync("SELECT status FROM bot_state WHERE bot_config_id = @id", botId));
            var state = await db.BotStates.SingleAsync(s => s.BotConfigId == botId);
            state.Status = BotStatus.Error;
            await db.SaveChangesAsync();
        }
        Assert.Equal("error", await RawAsync("SELECT status FROM bot_state WHERE bot_config_id = @id", botId));

        await ExecuteAsync("UPDATE bot_state SET status = 'stopped' WHERE bot_config_id = @id", botId);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            Assert.Equal(BotStatus.Stopped, (await db.BotStates.SingleAsync(s => s.BotConfigId == botId)).Status);
            Assert.Equal(1, await db.BotStates.CountAsync(s => s.BotConfigId == botId && s.Status == BotStatus.Stopped));
            Assert.Equal(0, await db.BotStates.CountAsync(s => s.BotConfigId == botId && s.Status != BotStatus.Stopped));
        }

        // Events crossing nodes (PostgresEventRelay) and audit details carry the same text.
        var json = JsonSerializer.Serialize<BotEvent>(new BotStateChanged(botId, userId, DateTime.UtcNow, BotStatus.Paused), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains("\"status\":\"paused\"", json);
        Assert.Equal(BotStatus.Paused, Assert.IsType<BotStateChanged>(JsonSerializer.Deserialize<BotEvent>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))).Status);
    }

    [Fact]
    public async Task Email_delivery_statuses_are_stored_as_pending_retrying_sent_and_failed()
    {
        var (userId, _) = await AddUserAndBotAsync();
        var email = await EmailDeliveryRows.AddAsync(userId, "seed strings", EmailDeliveryStatus.Retrying, 1, "451 try later", DateTime.UtcNow);
        Assert.Equal("retrying", await RawAsync("SELECT status FROM email_deliveries WHERE id = @id", email.Id));

        await using (var db = await TestDatabase.SharedContextAsync())
        {
            await db.EmailDeliveries.Where(e => e.Id == email.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EmailDeliveryStatus.Failed));
            Assert.Equal("failed", await RawAsync("SELECT status FROM email_deliveries WHERE id = @id", email.Id));
        }

        // The worker claims rows with raw SQL on 'pending' / 'retrying'; rows in that spelling load as the enum.
        await ExecuteAsync("UPDATE email_deliveries SET status = 'pending' WHERE id = @id", email.Id);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            Assert.Equal(EmailDeliveryStatus.Pending, (await db.EmailDeliveries.SingleAsync(e => e.Id == email.Id)).Status);
            Assert.Equal(1, await db.EmailDeliveries.CountAsync(e => e.UserId == userId && e.Status == EmailDeliveryStatus.Pending));
            Assert.Equal(0, await db.EmailDeliveries.CountAsync(e => e.UserId == userId && e.Status == EmailDeliveryStatus.Sent));
        }
    }

    [Fact]
    public async Task Activity_log_levels_are_stored_as_DEBUG_INFO_WARNING_and_ERROR()
    {
        var (userId, botId) = await AddUserAndBotAsync();
        long infoId;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            // Debug is the enum's zero value: it must be written as DEBUG like any other level.
            var debug = new BotActivityLog { BotConfigId = botId, UserId = userId, Timestamp = DateTime.UtcNow, LogLevel = ActivityLogLevel.Debug, Message = "ef debug" };
            var info = new BotActivityLog { BotConfigId = botId, UserId = userId, Timestamp = DateTime.UtcNow, Message = "ef default" };
            db.BotActivityLogs.AddRange(debug, info);
            await db.SaveChangesAsync();
            infoId = info.Id;
            Assert.Equal("DEBUG", await RawAsync("SELECT log_level FROM bot_activity_logs WHERE id = @id", debug.Id));
            Assert.Equal("INFO", await RawAsync("SELECT log_level FROM bot_activity_logs WHERE id = @id", info.Id));

            await db.BotActivityLogs.Where(l => l.Id == debug.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.LogLevel, ActivityLogLevel.Warning));
            Assert.Equal("WARNING", await RawAsync("SELECT log_level FROM bot_activity_logs WHERE id = @id", debug.Id));
        }

        // Routine rows go through the writer's binary COPY, which bypasses EF's converter.
        var writer = new ActivityLogWriter(
            new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Default", await TestDatabase.SharedAsync())]).Build(),
            NullLogger<ActivityLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        foreach (var level in ActivityLogLevelText.All)
            writer.Enqueue(new BotActivityLog { BotConfigId = botId, UserId = userId, Timestamp = DateTime.UtcNow, LogLevel = level, Message = "copied " + level.ToText() });
        await writer.StopAsync(CancellationToken.None);
        foreach (var text in new[] { "DEBUG", "INFO", "WARNING", "ERROR" })
            Assert.Equal(text, await RawAsync("SELECT log_level FROM bot_activity_logs WHERE bot_config_id = @id AND message = 'copied " + text + "'", botId));

        await ExecuteAsync("UPDATE bot_activity_logs SET log_level = 'ERROR' WHERE id = @id", infoId);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            Assert.Equal(ActivityLogLevel.Error, (await db.BotActivityLogs.SingleAsync(l => l.Id == infoId)).LogLevel);
            // A filter on the enum is sent to SQL as the stored string.
            Assert.Equal(2, await db.BotActivityLogs.CountAsync(l => l.BotConfigId == botId && l.LogLevel == ActivityLogLevel.Error));
            Assert.Equal(2, await db.BotActivityLogs.CountAsync(l => l.BotConfigId == botId && l.LogLevel == ActivityLogLevel.Warning));
            Assert.Equal(1, await db.BotActivityLogs.CountAsync(l => l.BotConfigId == botId && l.LogLevel == ActivityLogLevel.Info));
        }

        // Log events relayed between nodes carry the same text.
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize<BotEvent>(new LogWritten(botId, userId, DateTime.UtcNow, ActivityLogLevel.Warning, "limit"), web);
        Assert.Contains("\"level\":\"WARNING\"", json);
        Assert.Equal(ActivityLogLevel.Warning, Assert.IsType<LogWritten>(JsonSerializer.Deserialize<BotEvent>(json, web)).Level);
    }

    internal static async Task<(int UserId, int BotId)> AddUserAndBotAsync()
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail(), HashedPassword = "hash", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        var bot = new BotConfig
        {
            User = user, Name = "Seed strings", Symbol = "BTCUSDT", Timeframe = "1h", ExchangeName = ExchangeNames.Paper, StrategyType = "ema_cross_rsi",
            Risk = new RiskSettings { InitialCapital = 1000, PositionSizePerc = 10 }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return (user.Id, bot.Id);
    }

    internal static async Task<string?> RawAsync(string sql, object id)
    {
        await using var conn = new NpgsqlConnection(await TestDatabase.SharedAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string?)await cmd.ExecuteScalarAsync();
    }

    internal static async Task ExecuteAsync(string sql, object id)
    {
        await using var conn = new NpgsqlConnection(await TestDatabase.SharedAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
