using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Dashboard;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Dashboard;

/// <summary>
/// The dashboard against the real services, database and event hub. The bots trade on binance, which the test points
/// at a closed port: no live price arrives, so the cards value positions at the bot's stored last price.
/// </summary>
public class DashboardTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private BotEventHub _hub = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _core = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), new RecordingScheduleControl());
        _hub = _core.GetRequiredService<BotEventHub>();
        _userId = await BotFixtures.NewUserAsync(_core, "dash");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<DashboardQueries>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<LastPriceCache>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BotService>());
        _ctx.Services.AddSingleton<IBotEventHub>(_hub);
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("dash@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private async Task<int> AddBotAsync(int userId, string name, BotState state, decimal capital = 1000m)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var bot = new BotConfig
        {
            UserId = userId, Name = name, Symbol = "BTCUSDT", Timeframe = "1m", ExchangeName = ExchangeNames.Binance,
            IsActive = state.Status == BotStatus.Running, StrategyType = "ema_cross_rsi", StrategyParams = JsonDocument.Parse("{}"),
            Risk = new RiskSettings { InitialCapital = capital, PositionSizePerc = 50 }, CheckIntervalSeconds = 60, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            State = state,
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot.Id;
    }

    private static BotState Long(decimal entry, decimal size, decimal last) => new()
    {
        Status = BotStatus.Running, InPosition = true, EntryPrice = entry, CurrentPositionSizeCoins = size, LastPrice = last,
        StopLossPrice = 95m, TrailingStopPrice = 98.5m, TakeProfitPrice = 110m, DailyPnl = 3.5m, LastRunAt = DateTime.UtcNow.AddSeconds(-20),
        LastUpdatedAt = DateTime.UtcNow,
    };

    private static string Card(IRenderedComponent<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard> cut, int botId, string part) =>
        cut.Find($"#bot-card-{botId} .{part}").TextContent.Trim();

    [Fact]
    public async Task Cards_and_totals_show_each_bots_state()
    {
        var holding = await AddBotAsync(_userId, "A holding", Long(entry: 100m, size: 2m, last: 105m));
        var failed = await AddBotAsync(_userId, "B failed", new BotState
        {
            Status = BotStatus.Error, LastErrorMessage = "binance: Invalid API-key", LastUpdatedAt = DateTime.UtcNow, DailyPnl = -1.25m,
        });
        await BotFixtures.AddTradeAsync(_userId, failed, DateTime.UtcNow.AddMinutes(-5), OrderSide.Sell, pnl: -1.25m);
        var stranger = await BotFixtures.NewUserAsync(_core, "stranger");
        await AddBotAsync(stranger, "Not mine", Long(entry: 10m, size: 1m, last: 20m));

        var cut = _ctx.Render<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".bot-card").Count));

        Assert.Equal("running", cut.Find($"#bot-card-{holding}").GetAttribute("data-status"));
        Assert.Equal("long 2", Card(cut, holding, "bot-position"));
        Assert.Equal("100.00", Card(cut, holding, "bot-entry"));
        Assert.Equal("105.00", Card(cut, holding, "bot-price"));
        Assert.Equal("+10.00 (+5.00 %)", Card(cut, holding, "bot-unrealized"));
        Assert.Equal("95.00 · 98.50 · 110.00", Card(cut, holding, "bot-levels"));
        Assert.Equal("+3.50", Card(cut, holding, "bot-daily"));
        // The card reads the wall clock: 20 s when written, a little more by the time it renders on a busy machine.
        Assert.Matches(@"\b(2\d|3\d) s ago", Card(cut, holding, "bot-last-run"));
        Assert.Single(cut.FindAll($"#bot-card-{holding} .bot-stop"));

        Assert.Equal("error", cut.Find($"#bot-card-{failed}").GetAttribute("data-status"));
        Assert.Equal("flat", Card(cut, failed, "bot-position"));
        Assert.Equal("binance: Invalid API-key", Card(cut, failed, "bot-error"));
        Assert.Single(cut.FindAll($"#bot-card-{failed} .bot-start"));
        Assert.DoesNotContain("Not mine", cut.Markup, StringComparison.Ordinal);

        Assert.Contains("1 running", cut.Find("#total-running").TextContent);
        Assert.Contains("1 error", cut.Find("#total-error").TextContent);
        Assert.Equal("1", cut.Find("#total-open").TextContent.Trim());
        Assert.Equal("−1.25", cut.Find("#total-realized-today").TextContent.Trim());
        Assert.Equal("+10.00", cut.Find("#total-unrealized").TextContent.Trim());
        // 2000 initial − 1.25 realized + 10 unrealized.
        Assert.Equal("2,008.75", cut.Find("#total-equity").TextContent.Trim());
    }

    [Fact]
    public async Task A_trade_event_from_the_hub_updates_the_card_without_reloading_the_page()
    {
        var botId = await AddBotAsync(_userId, "Live", Long(entry: 100m, size: 2m, last: 105m));
        var cut = _ctx.Render<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"#bot-card-{botId}").GetAttribute("data-in-position")));

        // What a tick does: commit the exit, then publish.
        var sell = await BotFixtures.AddTradeAsync(_userId, botId, DateTime.UtcNow, OrderSide.Sell, price: 104m, quantity: 2m, pnl: 7.6m, exitReason: "manual");
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.InPosition, false).SetProperty(x => x.EntryPrice, (decimal?)null)
                .SetProperty(x => x.CurrentPositionSizeCoins, (decimal?)null).SetProperty(x => x.DailyPnl, 11.1m)
                .SetProperty(x => x.LastPrice, 104m));
        }
        _hub.Publish(new TradeExecuted(botId, _userId, DateTime.UtcNow, sell.Id, "BTCUSDT", OrderSideText.Sell, 104m, 2m, 7.6m, "manual"));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("false", cut.Find($"#bot-card-{botId}").GetAttribute("data-in-position"));
            Assert.Equal(sell.Id.ToString(CultureInfo.InvariantCulture), cut.Find($"#bot-card-{botId}").GetAttribute("data-last-trade-id"));
        });
        Assert.Equal("flat", Card(cut, botId, "bot-position"));
        Assert.Equal("+11.10", Card(cut, botId, "bot-daily"));
        Assert.Equal("104.00", Card(cut, botId, "bot-price"));
        Assert.Equal("+7.60", cut.Find("#total-realized-today").TextContent.Trim());

        // A state change (stopped from elsewhere) arrives the same way.
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, BotStatus.Stopped));
        _hub.Publish(new BotStateChanged(botId, _userId, DateTime.UtcNow, BotStatus.Stopped));
        cut.WaitForAssertion(() => Assert.Equal("stopped", cut.Find($"#bot-card-{botId}").GetAttribute("data-status")));
    }

    [Fact]
    public async Task A_new_account_is_welcomed_and_one_with_bots_welcomed_back()
    {
        var cut = _ctx.Render<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#dashboard-empty")));
        Assert.StartsWith("Welcome, ", cut.Find("#welcome").TextContent.Trim(), StringComparison.Ordinal);

        await AddBotAsync(_userId, "First", Long(entry: 100m, size: 1m, last: 100m));
        var again = _ctx.Render<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll(".bot-card")));
        Assert.StartsWith("Welcome back, ", again.Find("#welcome").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_dashboard_unsubscribes_from_the_hub()
    {
        await AddBotAsync(_userId, "Any", Long(entry: 100m, size: 1m, last: 100m));
        var before = _hub.SubscriberCount;
        var cut = _ctx.Render<AlgoTrade.Web.Components.Pages.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".bot-card")));
        Assert.Equal(before + 1, _hub.SubscriberCount);

        await _ctx.DisposeComponentsAsync();
        Assert.Equal(before, _hub.SubscriberCount);
    }
}
