using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Tests.Admin;

public class LogCommandsTests
{
    [Fact]
    public async Task Seed_writes_the_requested_rows_spread_over_bots_and_bench_times_every_query_shape()
    {
        await using var fresh = await TestDatabase.CreateFreshAsync();
        var seed = await CliRunner.RunAsync("logs", "seed", "--rows", "3000", "--users", "3", "--bots", "5", "--days", "2", "--connection", fresh.ConnectionString);
        Assert.True(seed.Code == 0, seed.Err);
        Assert.Contains("Seeded 3,000 activity log rows", seed.Out);

        await using (var db = TestDatabase.CreateContext(fresh.ConnectionString))
        {
            Assert.Equal(3000, await db.BotActivityLogs.CountAsync());
            Assert.Equal(5, await db.BotActivityLogs.Select(l => l.BotConfigId).Distinct().CountAsync());
            // The seeding SQL writes the levels as text; every one of them reads back as a level.
            Assert.Equal(ActivityLogLevelText.All, (await db.BotActivityLogs.Select(l => l.LogLevel).Distinct().ToListAsync()).Order());
            Assert.True(await db.BotActivityLogs.AllAsync(l => l.Timestamp > DateTime.UtcNow.AddDays(-2.01)));
            Assert.True(await db.Users.CountAsync(u => u.Email.EndsWith("@seed.algotrade.local")) == 3);
        }

        var bench = await CliRunner.RunAsync("logs", "bench", "--runs", "1", "--pages", "3", "--connection", fresh.ConnectionString);
        Assert.True(bench.Code == 0, bench.Err);
        Assert.Contains("3,000 rows", bench.Out);
        foreach (var shape in new[] { "no filter", "busiest bot + ERROR", "text 'insufficient balance'", "all: user, bot, level, 30 days, text" })
            Assert.Contains(shape, bench.Out);
        Assert.Contains("slowest median", bench.Out);
    }

    [Fact]
    public async Task Bench_on_an_empty_log_says_to_seed_first()
    {
        await using var fresh = await TestDatabase.CreateFreshAsync();
        Assert.Equal(0, (await CliRunner.RunAsync("db", "migrate", "--connection", fresh.ConnectionString)).Code);
        var bench = await CliRunner.RunAsync("logs", "bench", "--connection", fresh.ConnectionString);
        Assert.Equal(1, bench.Code);
        Assert.Contains("seed it first", bench.Out);
    }
}
