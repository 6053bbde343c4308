using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Infrastructure;

public static class TestBots
{
    /// <summary>A new user owning one bot, so tests sharing the run's database never touch each other's rows.</summary>
    public static async Task<BotConfig> CreateAsync(string exchangeName, string symbol = "BTCUSDT", decimal initialCapital = 1000m)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail("bot"), HashedPassword = "x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var bot = new BotConfig
        {
            User = user,
            Name = "test bot",
            Symbol = symbol,
            Timeframe = "1m",
            ExchangeName = exchangeName,
            StrategyType = "test",
            Risk = new RiskSettings { InitialCapital = initialCapital },
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot;
    }
}
