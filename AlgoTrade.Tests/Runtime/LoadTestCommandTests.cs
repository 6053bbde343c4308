using AlgoTrade.Cli;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Tests.Runtime;

public class LoadTestCommandTests
{
    [Fact]
    public async Task Fifty_bots_for_twenty_seconds_tick_on_time_without_overlaps_or_misses()
    {
        await using var fresh = await TestDatabase.CreateFreshAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["loadtest", "--bots", "50", "--interval", "5", "--duration", "20", "--connection", fresh.ConnectionString], stdout, stderr);

        var report = stdout.ToString();
        Assert.True(code == 0, report + stderr);
        Assert.Matches(@"overlapping ticks\s+0\b", report);
        Assert.Matches(@"missed ticks\s+0\b", report);
        var ticks = int.Parse(System.Text.RegularExpressions.Regex.Match(report, @"ticks\s+(\d+) \(").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ticks, 180, 220);
        // The load test cleans up after itself.
        await using var db = TestDatabase.CreateContext(fresh.ConnectionString);
        Assert.Equal(0, await db.BotConfigs.CountAsync());
    }
}
