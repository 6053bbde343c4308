using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Admin;

/// <summary>Small, explicit data for the admin tests: users, bots with state, and activity log rows.</summary>
public static class AdminTestData
{
    public static async Task<User> AddUserAsync(AlgoTradeDbContext db, string role = UserRoles.Trader, bool active = true, string prefix = "user")
    {
        var user = new User
        {
            Email = TestUsers.NewEmail(prefix),
            HashedPassword = "not-a-login",
            Role = role,
            IsActive = active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<BotConfig> AddBotAsync(AlgoTradeDbContext db, int userId, string name, string symbol = "BTCUSDT", BotStatus status = BotStatus.Running, bool active = true)
    {
        var bot = new BotConfig
        {
            UserId = userId,
            Name = name,
            Symbol = symbol,
            Timeframe = "1h",
            StrategyType = "ema_cross_rsi",
            Risk = new RiskSettings { InitialCapital = 1000m },
            IsActive = active,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            State = new BotState { Status = status, LastUpdatedAt = DateTime.UtcNow },
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot;
    }

    public static BotActivityLog Log(BotConfig bot, DateTime timestamp, ActivityLogLevel level, string message, object? details = null) => new()
    {
        BotConfigId = bot.Id,
        UserId = bot.UserId,
        Timestamp = timestamp,
        LogLevel = level,
        Message = message,
        Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
    };
}
