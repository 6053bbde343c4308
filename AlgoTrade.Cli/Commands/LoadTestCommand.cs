using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting;
using AlgoTrade.Hosting.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlgoTrade.Cli.Commands;

/// <summary>
/// Starts N paper bots on the simulated market with the app's own scheduler and tick path, against the configured
/// database, and reports how punctual the ticks were. Exit code 1 when any tick overlapped or was missed.
/// </summary>
internal static class LoadTestCommand
{
    public static async Task<int> RunAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        var bots = args.GetInt("bots", 100);
        var interval = args.GetInt("interval", 5);
        var duration = args.GetInt("duration", 60);
        var concurrency = args.GetInt("concurrency", 32);
        var keep = args.Has("keep");
        var connection = args.Get("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        args.EnsureNoUnknownOptions();
        if (string.IsNullOrWhiteSpace(connection))
            throw new CliException("No database: pass --connection or set ConnectionStrings__Default.");
        if (bots is < 1 or > 20_000) throw new CliException("--bots must be between 1 and 20000.");
        if (interval is < BotIntervals.MinimumSeconds or > BotIntervals.MaximumSeconds)
            throw new CliException($"--interval must be between {BotIntervals.MinimumSeconds} and {BotIntervals.MaximumSeconds} seconds.");
        if (duration is < 1 or > 86_400) throw new CliException("--duration must be between 1 and 86400 seconds.");

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connection,
            ["Scheduling:Enabled"] = "false",
            ["Scheduling:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
        });
        // The host opens the key ring at start; unless the operator configured one, use the local development key file.
        if (string.IsNullOrEmpty(builder.Configuration["DataProtection:KeyFile"]) && string.IsNullOrEmpty(builder.Configuration["DataProtection:Key"])
            && string.IsNullOrEmpty(builder.Configuration["DataProtection:CertificatePath"]))
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataProtection:KeyFile"] = Path.Combine(".data", "dataprotection", "key-encryption.key"),
                ["DataProtection:CreateKeyFile"] = "true",
            });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddAlgoTradeCore(builder.Configuration);
        builder.Services.AddAlgoTradeScheduling(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await DatabaseSetup.MigrateAsync(db, ct);
        var (userId, botIds) = await CreateBotsAsync(dbFactory, bots, interval, ct);
        await stdout.WriteLineAsync($"Load test: {bots} simulated paper bots every {interval}s for {duration}s, {concurrency} concurrent ticks, {Environment.ProcessorCount} cores");

        await host.StartAsync(ct);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        await scheduler.Start(ct);
        var botScheduler = services.GetRequiredService<BotScheduler>();
        foreach (var id in botIds)
            await botScheduler.ScheduleAsync(id, interval, ct);

        // Every bot's first tick warms its indicators up; measure the steady state after one full round.
        await Task.Delay(TimeSpan.FromSeconds(interval + 10), ct);
        var metrics = services.GetRequiredService<TickMetrics>();
        metrics.Reset();
        var rowsBefore = await CountRowsAsync(dbFactory, userId, ct);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(duration), ct);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        var elapsed = clock.Elapsed.TotalSeconds;
        var ticks = metrics.Ticks;
        var lateness = metrics.Lateness();
        var overlaps = metrics.Overlaps;
        var missed = metrics.Missed;
        var failures = metrics.Failures;

        await scheduler.Shutdown(waitForJobsToComplete: true, ct);
        await host.StopAsync(ct);
        var rowsAfter = await CountRowsAsync(dbFactory, userId, ct);
        var rows = rowsAfter - rowsBefore + ticks; // every tick also updates its bot_state row

        var expected = bots * elapsed / interval;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
              ticks               {ticks} ({ticks / elapsed:F1}/s; {expected:F0} expected)
              lateness p50        {lateness.P50Ms:F1} ms
              lateness p99        {lateness.P99Ms:F1} ms
              lateness max        {lateness.MaxMs:F1} ms
              overlapping ticks   {overlaps}
              missed ticks        {missed}
              failed ticks        {failures}
              rows written        {rows} ({rows / elapsed:F1}/s: bot_state updates, trades, activity logs)
              CPU                 {cpu * 100:F0} % of {Environment.ProcessorCount} cores (this process)
            """));

        // The user's bots, their trades, logs and paper balances all cascade from the user.
        if (!keep)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        }
        return overlaps == 0 && missed == 0 ? 0 : 1;
    }

    private static async Task<(int UserId, List<int> BotIds)> CreateBotsAsync(IDbContextFactory<AlgoTradeDbContext> dbFactory, int count, int interval, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        var user = new User
        {
            Email = $"loadtest-{Guid.NewGuid():N}@algotrade.local", HashedPassword = "!", IsActive = false, CreatedAt = now, UpdatedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        var symbols = SimulatedSymbol.Catalog.Select(s => s.Info.Symbol).ToArray();
        var configs = Enumerable.Range(0, count).Select(i => new BotConfig
        {
            UserId = user.Id,
            Name = $"load {i + 1}",
            Symbol = symbols[i % symbols.Length],
            Timeframe = "1m",
            ExchangeName = ExchangeNames.Simulated,
            IsActive = true,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 5, "ema_slow": 13, "rsi_period": 7, "rsi_overbought": 80}"""),
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 20, StopLossPerc = 1, TakeProfitPerc = 2 },
            CheckIntervalSeconds = interval,
            CreatedAt = now,
            UpdatedAt = now,
            State = new BotState { Status = BotStatus.Running, LastUpdatedAt = now },
        }).ToList();
        db.BotConfigs.AddRange(configs);
        await db.SaveChangesAsync(ct);
        return (user.Id, configs.Select(c => c.Id).ToList());
    }

    private static async Task<long> CountRowsAsync(IDbContextFactory<AlgoTradeDbContext> dbFactory, int userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Trades.LongCountAsync(t => t.UserId == userId, ct)
            + await db.BotActivityLogs.LongCountAsync(l => l.UserId == userId, ct);
    }
}
