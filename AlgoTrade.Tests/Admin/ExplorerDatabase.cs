using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Admin;

/// <summary>
/// A database of its own with a known activity log: two users, three bots, 420 rows inserted in shuffled order (so
/// ids do not follow time) and four rows per second (so timestamps tie and the id must break them).
/// </summary>
public sealed class ExplorerDatabase : IAsyncLifetime
{
    public static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    public const int RowCount = 420;

    private FreshDatabase _database = default!;

    public ServiceProvider Services { get; private set; } = default!;
    public ActivityLogQuery Query => Services.GetRequiredService<ActivityLogQuery>();
    public User Alice { get; private set; } = default!;
    public User Bob { get; private set; } = default!;
    public BotConfig AliceBtc { get; private set; } = default!;
    public BotConfig AliceEth { get; private set; } = default!;
    public BotConfig BobSol { get; private set; } = default!;
    /// <summary>Every row as stored, with its id.</summary>
    public List<BotActivityLog> Rows { get; private set; } = [];

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        Services = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<ActivityLogQuery>();
            s.AddSingleton<AdminLookups>();
        });
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        await DatabaseSetup.MigrateAsync(db);
        Alice = await AdminTestData.AddUserAsync(db, prefix: "alice");
        Bob = await AdminTestData.AddUserAsync(db, prefix: "bob");
        AliceBtc = await AdminTestData.AddBotAsync(db, Alice.Id, "Alice BTC", "BTCUSDT");
        AliceEth = await AdminTestData.AddBotAsync(db, Alice.Id, "Alice ETH", "ETHUSDT");
        BobSol = await AdminTestData.AddBotAsync(db, Bob.Id, "Bob SOL", "SOLUSDT");

        BotConfig[] bots = [AliceBtc, AliceEth, BobSol];
        var rows = new List<BotActivityLog>();
        for (var i = 0; i < RowCount; i++)
        {
            var bot = bots[i % 3];
            var level = (i % 10) switch { 0 => ActivityLogLevel.Error, 1 or 2 => ActivityLogLevel.Warning, 3 => ActivityLogLevel.Debug, _ => ActivityLogLevel.Info };
            var message = (i % 10) switch
            {
                0 => $"Order rejected: Insufficient balance for {bot.Symbol}",
                1 => "Exchange latency 1500 ms above threshold",
                2 => i % 20 == 2 ? "Promo discount 50%_off ignored" : "Promo discount 50x_off ignored",
                _ => $"Tick {bot.Symbol}: no signal (row {i})",
            };
            rows.Add(AdminTestData.Log(bot, Start.AddSeconds(i / 4), level, message, i % 5 == 0 ? new { row = i, price = 100.5 + i } : null));
        }
        var shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToList();
        db.BotActivityLogs.AddRange(shuffled);
        await db.SaveChangesAsync();
        Rows = await db.BotActivityLogs.AsNoTracking().ToListAsync();
    }

    /// <summary>What the explorer must return for a filter: computed in memory from the inserted rows.</summary>
    public List<long> Expected(Func<BotActivityLog, bool> predicate) =>
        Rows.Where(predicate).OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Select(r => r.Id).ToList();

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
