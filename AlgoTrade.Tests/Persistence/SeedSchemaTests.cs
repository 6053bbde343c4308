using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlgoTrade.Tests.Persistence;

/// <summary>The seed schema (shared/seed/database-relations.md) is the contract: every table and column, with its type.</summary>
public class SeedSchemaTests
{
    // Mirrors the seed file: table → (column, expected PostgreSQL data_type).
    private static readonly Dictionary<string, (string Column, string Type)[]> Seed = new()
    {
        ["users"] =
        [
            ("id", "integer"), ("email", "character varying"), ("hashed_password", "text"), ("is_active", "boolean"),
            ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
        ],
        ["api_keys"] =
        [
            ("id", "integer"), ("user_id", "integer"), ("encrypted_api_key", "text"), ("encrypted_secret_key", "text"),
            ("exchange_name", "character varying"), ("is_valid", "boolean"),
            ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
        ],
        ["bot_configs"] =
        [
            ("id", "integer"), ("user_id", "integer"), ("name", "character varying"), ("symbol", "character varying"),
            ("timeframe", "character varying"), ("exchange_name", "character varying"), ("is_active", "boolean"),
            ("strategy_type", "character varying"), ("strategy_params", "jsonb"), ("initial_capital", "numeric"),
            ("daily_target_perc", "numeric"), ("max_daily_loss_perc", "numeric"), ("position_size_perc", "numeric"),
            ("position_size_fixed", "numeric"), ("stop_loss_perc", "numeric"), ("take_profit_perc", "numeric"),
            ("trailing_stop_perc", "numeric"), ("trailing_stop_active", "boolean"), ("check_interval_seconds", "integer"),
            ("partial_take_profits_config", "jsonb"), ("max_trade_duration_hours", "integer"),
            ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
        ],
        ["bot_state"] =
        [
            ("bot_config_id", "integer"), ("status", "character varying"), ("in_position", "boolean"),
            ("entry_price", "numeric"), ("current_position_size_coins", "numeric"), ("trailing_stop_price", "numeric"),
            ("max_price_since_entry", "numeric"), ("take_profit_price", "numeric"), ("stop_loss_price", "numeric"),
            ("daily_pnl", "numeric"), ("daily_trades_count", "integer"), ("last_run_at", "timestamp with time zone"),
            ("last_error_message", "character varying"), ("last_updated_at", "timestamp with time zone"),
        ],
        ["trades"] =
        [
            ("id", "integer"), ("bot_config_id", "integer"), ("user_id", "integer"), ("binance_order_id", "character varying"),
            ("symbol", "character varying"), ("side", "character varying"), ("order_type", "character varying"),
            ("price", "numeric"), ("quantity_filled", "numeric"), ("quote_quantity_filled", "numeric"),
            ("commission_amount", "numeric"), ("commission_asset", "character varying"), ("pnl", "numeric"),
            ("entry_reason", "character varying"), ("exit_reason", "character varying"), ("timestamp", "timestamp with time zone"),
        ],
        ["bot_activity_logs"] =
        [
            ("id", "bigint"), ("bot_config_id", "integer"), ("user_id", "integer"), ("timestamp", "timestamp with time zone"),
            ("log_level", "character varying"), ("message", "text"), ("details", "jsonb"),
        ],
        ["user_notification_preferences"] =
        [
            ("id", "integer"), ("user_id", "integer"), ("notification_type", "character varying"), ("email_enabled", "boolean"),
            ("webhook_url", "character varying"), ("webhook_enabled", "boolean"),
            ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
        ],
        ["backtest_jobs"] =
        [
            ("id", "uuid"), ("user_id", "integer"), ("status", "character varying"), ("config", "jsonb"), ("results", "jsonb"),
            ("created_at", "timestamp with time zone"), ("updated_at", "timestamp with time zone"),
        ],
    };

    [Fact]
    public async Task Migration_creates_every_seed_table_and_column_with_its_type()
    {
        await using var fresh = await TestDatabase.CreateMigratedAsync();

        var actual = new Dictionary<(string, string), string>();
        await using (var conn = new NpgsqlConnection(fresh.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                actual[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        var problems = new List<string>();
        foreach (var (table, columns) in Seed)
            foreach (var (column, type) in columns)
            {
                if (!actual.TryGetValue((table, column), out var found))
                    problems.Add($"{table}.{column} is missing");
                else if (found != type)
                    problems.Add($"{table}.{column} is {found}, expected {type}");
            }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Numeric_columns_keep_at_least_eight_decimals_and_keys_cascade()
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name, column_name, numeric_scale FROM information_schema.columns WHERE table_schema='public' AND data_type='numeric' AND table_name NOT LIKE 'qrtz%'";
            await using var reader = await cmd.ExecuteReaderAsync();
            var count = 0;
            while (await reader.ReadAsync())
            {
                count++;
                Assert.True(reader.GetInt32(2) >= 8, $"{reader.GetString(0)}.{reader.GetString(1)} has scale {reader.GetInt32(2)}");
            }
            Assert.True(count >= 20);
        }
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                SELECT tc.table_name, kcu.column_name, rc.delete_rule
                FROM information_schema.referential_constraints rc
                JOIN information_schema.table_constraints tc ON tc.constraint_name = rc.constraint_name
                JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
                WHERE tc.table_schema = 'public'
                """;
            await using var reader = await cmd.ExecuteReaderAsync();
            var rules = new Dictionary<string, string>();
            while (await reader.ReadAsync())
                rules[$"{reader.GetString(0)}.{reader.GetString(1)}"] = reader.GetString(2);
            foreach (var fk in new[]
            {
                "api_keys.user_id", "bot_configs.user_id", "trades.user_id", "bot_activity_logs.user_id",
                "user_notification_preferences.user_id", "backtest_jobs.user_id",
                "bot_state.bot_config_id", "trades.bot_config_id", "bot_activity_logs.bot_config_id",
            })
                Assert.Equal("CASCADE", rules.GetValueOrDefault(fk));
        }
    }

    [Fact]
    public async Task Bot_state_primary_key_is_its_bot_config_id()
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT kcu.column_name FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
            WHERE tc.table_name = 'bot_state' AND tc.constraint_type = 'PRIMARY KEY'
            """;
        Assert.Equal("bot_config_id", await cmd.ExecuteScalarAsync());
    }
}
