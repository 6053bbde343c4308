using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoTrade.Tests.Runtime;

public class ActivityLogWriterTests
{
    [Fact]
    public async Task Queued_rows_are_copied_in_batches_and_everything_left_is_flushed_on_shutdown()
    {
        await using var h = await RuntimeHarness.StartAsync(DateTime.UtcNow);
        var (userId, botId) = await h.CreateBotAsync();
        var (_, deletedBotId) = await h.CreateBotAsync();
        var writer = h.Services.GetRequiredService<ActivityLogWriter>();
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 2_500; i++)
            writer.Enqueue(Row(botId, userId, i));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (writer.Written < 2_500 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(2_500, writer.Written);

        // Rows still queued when the host stops are written, even alongside rows of a bot deleted meanwhile.
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotConfigs.Where(b => b.Id == deletedBotId).ExecuteDeleteAsync();
        for (var i = 0; i < 300; i++)
            writer.Enqueue(Row(i % 3 == 0 ? deletedBotId : botId, userId, 10_000 + i));
        await writer.StopAsync(CancellationToken.None);

        await using var check = await TestDatabase.SharedContextAsync();
        var rows = await check.BotActivityLogs.Where(l => l.BotConfigId == botId).ToListAsync();
        Assert.Equal(2_500 + 200, rows.Count);
        Assert.Equal(2_500 + 200, rows.Select(r => r.Message).Distinct().Count());
        var sample = rows.Single(r => r.Message == "routine 42");
        Assert.Equal(42, sample.Details!.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(ActivityLogLevel.Debug, sample.LogLevel);
    }

    [Fact]
    public async Task Rows_queued_before_the_background_loop_first_runs_are_written_when_the_host_stops()
    {
        await using var h = await RuntimeHarness.StartAsync(DateTime.UtcNow);
        var (userId, botId) = await h.CreateBotAsync();
        // Since .NET 10 ExecuteAsync starts on the thread pool, so a stop can come before it has run at all; here it never runs.
        var writer = new ActivityLogWriter(h.Services.GetRequiredService<IConfiguration>(), NullLogger<ActivityLogWriter>.Instance);
        for (var i = 0; i < 3; i++)
            writer.Enqueue(Row(botId, userId, i));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(3, writer.Written);
        await using var check = await TestDatabase.SharedContextAsync();
        Assert.Equal(3, await check.BotActivityLogs.CountAsync(l => l.BotConfigId == botId));
    }

    private static BotActivityLog Row(int botId, int userId, int n) => new()
    {
        BotConfigId = botId,
        UserId = userId,
        Timestamp = DateTime.UtcNow,
        LogLevel = ActivityLogLevel.Debug,
        Message = $"routine {n}",
        Details = JsonSerializer.SerializeToDocument(new { n }),
    };
}
