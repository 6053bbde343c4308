using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlgoTrade.Tests.Persistence;

/// <summary><see cref="BotConfig.Risk"/> is a complex property on the seed schema's own <c>bot_configs</c> columns.</summary>
public class RiskSettingsMappingTests
{
    private static readonly RiskSettings Settings = new()
    {
        InitialCapital = 2500.5m, PositionSizePerc = 12.5m, PositionSizeFixed = null, StopLossPerc = 1.75m, TakeProfitPerc = 6m,
        TrailingStopPerc = 0.9m, TrailingStopActive = true, PartialTakeProfits = [new(2, 0.25m), new(4.5m, 0.5m)],
        MaxTradeDurationHours = 72, DailyTargetPerc = 3m, MaxDailyLossPerc = 2m,
    };

    [Fact]
    public async Task Risk_settings_are_written_to_the_seed_columns_and_read_back_equal()
    {
        var botId = await AddBotAsync(Settings);

        var row = await ReadRowAsync(botId);
        Assert.Equal("2500.5|12.5||1.75|6|0.9|t|72|3|2", row.Scalars);
        Assert.Equal(new[] { (2m, 0.25m), (4.5m, 0.5m) }, Levels(row.PartialsJson));

        await using var db = await TestDatabase.SharedContextAsync();
        var bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        Assert.Equal(Settings, bot.Risk);
        // Fee and slippage are execution costs, not bot columns: a loaded bot has the defaults.
        Assert.Equal((RiskSettings.DefaultFeeRate, 0m), (bot.Risk.FeeRate, bot.Risk.SlippageBps));
    }

    [Fact]
    public async Task A_row_written_in_the_seed_shape_by_sql_reads_into_the_value()
    {
        var botId = await AddBotAsync(new RiskSettings { InitialCapital = 1, PositionSizePerc = 1 });
        await using (var conn = new NpgsqlConnection(await TestDatabase.SharedAsync()))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                UPDATE bot_configs SET initial_capital = 750, position_size_perc = NULL, position_size_fixed = 125,
                    stop_loss_perc = 3, take_profit_perc = NULL, trailing_stop_perc = NULL, trailing_stop_active = false,
                    partial_take_profits_config = '[{"percentage": 1.5, "ratio": 0.4}]'::jsonb, max_trade_duration_hours = NULL,
                    daily_target_perc = NULL, max_daily_loss_perc = 10
                WHERE id = @id
                """, conn);
            cmd.Parameters.AddWithValue("id", botId);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        await using var db = await TestDatabase.SharedContextAsync();
        var bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        Assert.Equal(new RiskSettings
        {
            InitialCapital = 750, PositionSizeFixed = 125, StopLossPerc = 3, PartialTakeProfits = [new(1.5m, 0.4m)], MaxDailyLossPerc = 10,
        }, bot.Risk);
    }

    [Fact]
    public async Task Replacing_the_value_on_a_tracked_bot_updates_only_its_columns()
    {
        var botId = await AddBotAsync(Settings);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var bot = await db.BotConfigs.SingleAsync(b => b.Id == botId);
            bot.Risk = bot.Risk with { StopLossPerc = null, PartialTakeProfits = [new(1, 0.1m)] };
            db.ChangeTracker.DetectChanges();
            var modified = db.Entry(bot).ComplexProperty(b => b.Risk).Properties.Where(p => p.IsModified).Select(p => p.Metadata.GetColumnName()).Order();
            Assert.Equal(["partial_take_profits_config", "stop_loss_perc"], modified);
            await db.SaveChangesAsync();
        }

        var row = await ReadRowAsync(botId);
        Assert.Equal("2500.5|12.5|||6|0.9|t|72|3|2", row.Scalars);
        Assert.Equal(new[] { (1m, 0.1m) }, Levels(row.PartialsJson));
    }

    private static async Task<int> AddBotAsync(RiskSettings risk)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail(), HashedPassword = "hash", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        var bot = new BotConfig
        {
            User = user, Name = "Risk mapping", Symbol = "BTCUSDT", Timeframe = "1h", ExchangeName = ExchangeNames.Simulated,
            StrategyType = "ema_cross_rsi", Risk = risk, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot.Id;
    }

    private static async Task<(string Scalars, string PartialsJson)> ReadRowAsync(int botId)
    {
        await using var conn = new NpgsqlConnection(await TestDatabase.SharedAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT concat_ws('|', trim_scale(initial_capital), coalesce(trim_scale(position_size_perc)::text, ''),
                       coalesce(trim_scale(position_size_fixed)::text, ''), coalesce(trim_scale(stop_loss_perc)::text, ''),
                       coalesce(trim_scale(take_profit_perc)::text, ''), coalesce(trim_scale(trailing_stop_perc)::text, ''),
                       CASE WHEN trailing_stop_active THEN 't' ELSE 'f' END, coalesce(max_trade_duration_hours::text, ''),
                       coalesce(trim_scale(daily_target_perc)::text, ''), coalesce(trim_scale(max_daily_loss_perc)::text, '')),
                   partial_take_profits_config::text
            FROM bot_configs WHERE id = @id
            """, conn);
        cmd.Parameters.AddWithValue("id", botId);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    // The seed's shape: an array of {"percentage", "ratio"} objects, nothing else.
    private static (decimal, decimal)[] Levels(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(l =>
        {
            Assert.Equal(["percentage", "ratio"], l.EnumerateObject().Select(p => p.Name).Order());
            return (l.GetProperty("percentage").GetDecimal(), l.GetProperty("ratio").GetDecimal());
        }).ToArray();
}
