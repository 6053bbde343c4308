using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Trades;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Trades;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Trades;

/// <summary>The trade history page against the real queries and database.</summary>
public class TradeHistoryPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private int _userId;
    private int _botId;

    public async Task InitializeAsync()
    {
        _core = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), new RecordingScheduleControl());
        _userId = await BotFixtures.NewUserAsync(_core, "history");
        _botId = (await _core.GetRequiredService<BotService>().CreateAsync(_userId, BotFixtures.Draft("History"))).Bot!.Id;
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<TradeQueries>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BotService>());
        _ctx.Services.AddSingleton<IBotEventHub>(_core.GetRequiredService<BotEventHub>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("history@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    [Fact]
    public async Task Prices_have_thousands_separators_fees_sensible_decimals_and_the_symbol_filter_takes_part_of_a_name_in_any_case()
    {
        await BotFixtures.AddTradeAsync(_userId, _botId, DateTime.UtcNow.AddMinutes(-2), OrderSide.Buy, "BTCUSDT", price: 65432.1m, quantity: 0.0015m, commission: 0.09814815m);
        await BotFixtures.AddTradeAsync(_userId, _botId, DateTime.UtcNow.AddMinutes(-1), OrderSide.Buy, "ETHUSDT", price: 3150.5m, quantity: 0.5m, commission: 1.57525m);

        var cut = _ctx.Render<TradeHistory>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".trade-row").Count));
        var btc = cut.FindAll(".trade-row").Single(r => r.TextContent.Contains("BTCUSDT", StringComparison.Ordinal));
        Assert.Contains("65,432.10", btc.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.0981 USDT", btc.QuerySelector(".trade-fee")!.TextContent.Trim());
        var eth = cut.FindAll(".trade-row").Single(r => r.TextContent.Contains("ETHUSDT", StringComparison.Ordinal));
        Assert.Contains("3,150.50", eth.TextContent, StringComparison.Ordinal);
        Assert.Equal("1.58 USDT", eth.QuerySelector(".trade-fee")!.TextContent.Trim());

        cut.Find("#filter-symbol").Input("eth");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".trade-row")), TimeSpan.FromSeconds(5));
        Assert.Contains("ETHUSDT", cut.Find(".trade-row").TextContent, StringComparison.Ordinal);
        // The grid re-renders its rows before the page renders the new totals.
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("#total-count").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Contains("symbol=eth", cut.Find("#trades-export").GetAttribute("href"), StringComparison.Ordinal);
    }
}
