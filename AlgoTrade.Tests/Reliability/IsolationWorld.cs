using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// User A owns one of everything (bot with state, trades, activity logs, an API key, backtest jobs, notification
/// settings), every text field carrying <see cref="Marker"/>, so any leak of A's rows into B's view is a plain
/// substring match. <see cref="SnapshotAsync"/> reads every row of A's in every table that has a user_id.
/// </summary>
public sealed class IsolationWorld
{
    public required string Marker { get; init; }
    public required int UserA { get; init; }
    public required string EmailA { get; init; }
    public required int UserB { get; init; }
    public required string EmailB { get; init; }
    public required int BotA { get; init; }
    public required int ApiKeyA { get; init; }
    public required Guid JobA { get; init; }
    public required Guid SweepA { get; init; }

    public static async Task<IsolationWorld> CreateAsync(IServiceProvider services)
    {
        var marker = $"isoA{Guid.NewGuid():N}"[..20];
        var accounts = services.GetRequiredService<UserAccountService>();
        var emailA = TestUsers.NewEmail("iso-a");
        var emailB = TestUsers.NewEmail("iso-b");
        var a = (await accounts.RegisterAsync(emailA, TestUsers.Password)).User!.Id;
        var b = (await accounts.RegisterAsync(emailB, TestUsers.Password)).User!.Id;

        var created = await services.GetRequiredService<BotService>().CreateAsync(a, BotFixtures.Draft($"bot {marker}"));
        Assert.True(created.Succeeded, string.Join("; ", created.ErrorsOrEmpty.SelectMany(e => e.Value)));
        var bot = created.Bot!.Id;
        var t0 = DateTime.UtcNow.AddHours(-2);
        await BotFixtures.AddTradeAsync(a, bot, t0, OrderSide.Buy, entryReason: $"entry {marker}");
        await BotFixtures.AddTradeAsync(a, bot, t0.AddMinutes(30), OrderSide.Sell, price: 110, pnl: 9.8m, exitReason: $"exit {marker}");
        await BotFixtures.AddLogAsync(a, bot, $"log {marker}");

        var jobId = Guid.NewGuid();
        var sweepId = Guid.NewGuid();
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var now = DateTime.UtcNow;
            db.ApiKeys.Add(new ApiKey
            {
                UserId = a, ExchangeName = ExchangeNames.BinanceTestnet, Label = $"key {marker}", EncryptedApiKey = $"enc-{marker}",
                EncryptedSecretKey = $"enc-{marker}", MaskedKey = "abcd…wxyz", IsValid = true, LastValidatedAt = now, CreatedAt = now, UpdatedAt = now,
            });
            db.BacktestJobs.Add(new BacktestJob
            {
                Id = jobId, UserId = a, Status = BacktestJobStatus.Failed, ErrorMessage = $"failed {marker}",
                Config = JsonDocument.Parse($$"""{"symbol":"BTCUSDT","timeframe":"1h","strategy_type":"ema_cross_rsi","exchange_name":"simulated","start":"2024-01-01T00:00:00Z","end":"2024-02-01T00:00:00Z","note":"{{marker}}"}"""),
                CreatedAt = now, UpdatedAt = now,
            });
            db.Sweeps.Add(new Sweep
            {
                Id = sweepId, UserId = a, Status = SweepStatus.Completed, ErrorMessage = $"sweep {marker}", TotalPoints = 1, EvaluatedPoints = 1,
                Definition = AlgoTrade.Core.Sweeps.SweepJson.WriteDefinition(new AlgoTrade.Core.Sweeps.SweepDefinition
                {
                    BaseConfig = new AlgoTrade.Core.Backtesting.BacktestConfig
                    {
                        Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", StrategyType = "ema_cross_rsi",
                        Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
                        StrategyParams = JsonDocument.Parse("{}").RootElement, Risk = new AlgoTrade.Core.Trading.RiskSettings { InitialCapital = 1000, PositionSizePerc = 10 },
                    },
                    Dimensions = [new() { Target = "stop_loss_perc", Values = [2] }],
                }),
                CreatedAt = now, UpdatedAt = now,
            });
            db.SweepEvaluations.Add(new SweepEvaluation
            {
                SweepId = sweepId, PointIndex = 0, Params = JsonDocument.Parse("""{"stop_loss_perc": 2}"""), Note = $"note {marker}",
            });
            db.UserNotificationPreferences.Add(new UserNotificationPreference
            {
                UserId = a, NotificationType = "trade_executed", WebhookEnabled = true, WebhookUrl = $"https://hooks.example.com/{marker}",
                CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
        int keyId;
        await using (var db = await TestDatabase.SharedContextAsync())
            keyId = db.ApiKeys.Single(k => k.UserId == a).Id;

        return new IsolationWorld
        {
            Marker = marker, UserA = a, EmailA = emailA, UserB = b, EmailB = emailB, BotA = bot, ApiKeyA = keyId, JobA = jobId, SweepA = sweepId,
        };
    }

    /// <summary>Every row of A's, in every table with a user_id column plus bot_state, as JSON text in a stable order.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.SharedAsync());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("bot_configs", tables);
        Assert.Contains("trades", tables);
        Assert.Contains("api_keys", tables);

        var parts = new List<string>();
        foreach (var table in tables)
            parts.Add(table + ": " + await ScalarAsync(connection,
                $"SELECT coalesce(string_agg(row_to_json(t)::text, '\n' ORDER BY row_to_json(t)::text), '') FROM \"{table}\" t WHERE user_id = {UserA}"));
        parts.Add("bot_state: " + await ScalarAsync(connection,
            $"SELECT coalesce(string_agg(row_to_json(s)::text, '\n'), '') FROM bot_state s WHERE bot_config_id = {BotA}"));
        parts.Add("users: " + await ScalarAsync(connection, $"SELECT row_to_json(u)::text FROM users u WHERE id = {UserA}"));
        return string.Join("\n", parts);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (await cmd.ExecuteScalarAsync())?.ToString() ?? "";
    }
}
