using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Admin;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Persistence;
using AlgoTrade.Web.Components.Pages.Bots;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace AlgoTrade.Tests.Web.Bots;

/// <summary>The bot page's activity panel against the real monitor queries and database: levels as the log stores them.</summary>
public class ActivityLogPanelTests : MudBunitContext
{
    private ServiceProvider _core = default!;
    private readonly BotEventHub _hub = new(NullLogger<BotEventHub>.Instance);

    public override async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync());
        Services.AddSingleton(_core.GetRequiredService<BotMonitorQueries>());
        Services.AddSingleton<IBotEventHub>(_hub);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    protected override ValueTask DisposeTestResourcesAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Rows_show_their_level_the_level_picker_narrows_them_and_a_live_log_event_adds_the_new_row()
    {
        var (userId, botId) = await SeedStringColumnsTests.AddUserAndBotAsync();
        var bot = new BotConfig { Id = botId, UserId = userId };
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            db.BotActivityLogs.AddRange(
                AdminTestData.Log(bot, t0, ActivityLogLevel.Debug, "candle closed"),
                AdminTestData.Log(bot, t0.AddSeconds(1), ActivityLogLevel.Info, "entry signal"),
                AdminTestData.Log(bot, t0.AddSeconds(2), ActivityLogLevel.Warning, "entry blocked"));
            await db.SaveChangesAsync();
        }

        var cut = Render<ActivityLogPanel>(p => p.Add(c => c.BotId, botId).Add(c => c.UserId, userId).Add(c => c.Live, true));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".activity-row").Count));
        Assert.Equal(["WARNING", "INFO", "DEBUG"], cut.FindAll(".activity-row").Select(r => r.GetAttribute("data-level")));
        Assert.Equal(["WARNING", "INFO", "DEBUG"], cut.FindAll(".at-log-level").Select(s => s.TextContent));
        Assert.Contains("lvl-warning", cut.Find(".activity-row .at-log-level").ClassList);

        var picker = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(ActivityLogLevelText.Warning));
        cut.WaitForAssertion(() => Assert.Equal(["entry blocked"], cut.FindAll(".activity-row .at-log-message").Select(m => m.TextContent)));

        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(ActivityLogLevelText.Error));
        cut.WaitForAssertion(() => Assert.Equal("No activity at level ERROR yet.", cut.Find("#activity-empty").TextContent));

        // A new ERROR row is committed, then announced: the live panel re-reads and shows it under the ERROR filter.
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            db.BotActivityLogs.Add(AdminTestData.Log(bot, t0.AddSeconds(3), ActivityLogLevel.Error, "order refused"));
            await db.SaveChangesAsync();
        }
        _hub.Publish(new LogWritten(botId, userId, t0.AddSeconds(3), ActivityLogLevel.Error, "order refused"));
        cut.WaitForAssertion(() => Assert.Equal(["ERROR"], cut.FindAll(".activity-row").Select(r => r.GetAttribute("data-level"))));

        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(null));
        cut.WaitForAssertion(() => Assert.Equal(["ERROR", "WARNING", "INFO", "DEBUG"], cut.FindAll(".activity-row").Select(r => r.GetAttribute("data-level"))));
    }
}
