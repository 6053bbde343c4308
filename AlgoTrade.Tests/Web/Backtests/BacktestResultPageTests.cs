using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Core.Backtesting;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Backtests;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Backtests;

/// <summary>The result page and its parts against the real services and database.</summary>
public class BacktestResultPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
        }, BotFixtures.OfflineBinance);
        _userId = await BotFixtures.NewUserAsync(_core, "btresult");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestJobService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestResultQueries>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("btresult@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    [Fact]
    public void Monthly_returns_are_a_year_by_month_grid_with_each_years_compounded_total()
    {
        var cut = _ctx.Render<MonthlyReturnsTable>(p => p.Add(t => t.Returns,
            [new MonthlyReturn(2024, 11, 10), new MonthlyReturn(2024, 12, -5), new MonthlyReturn(2025, 1, 2.5)]));
        var rows = cut.FindAll(".monthly-row");
        Assert.Equal(["2024", "2025"], rows.Select(r => r.GetAttribute("data-year")));
        Assert.Equal(["11", "12"], rows[0].QuerySelectorAll(".monthly-cell").Select(c => c.GetAttribute("data-month")));
        Assert.Equal("+4.50 %", rows[0].QuerySelector(".monthly-year")!.TextContent); // 1.10 × 0.95
        Assert.Equal("+2.50 %", rows[1].QuerySelector(".monthly-year")!.TextContent);
        Assert.Contains("background: rgba(220,38,38", rows[0].QuerySelectorAll(".monthly-cell")[1].GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_charts_shows_them_and_pages_its_trades_from_the_server()
    {
        var candles = BacktestChartBuilderTests.Hourly(3_000, seed: 2);
        var config = BacktestChartBuilderTests.Config();
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles);
        var id = await BacktestJobRows.SaveAsync(_core, _userId, config, BacktestJson.Serialize(result));

        var cut = _ctx.Render<BacktestDetail>(p => p.Add(d => d.Id, id));
        await Eventually.HoldsAsync(() => cut.FindAll("#backtest-trips tbody tr.trip-row").Count == 25, TimeSpan.FromSeconds(20), "the first page of trades");
        Assert.Equal($"/bots/new?fromBacktest={id}", cut.Find("#create-bot-from-backtest").GetAttribute("href"));
        Assert.Contains($"Trades ({result.Charts!.Trips.Count:N0})", cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("#chart-backtest-price"));
        Assert.Single(cut.FindAll("#chart-backtest-equity"));
        Assert.Single(cut.FindAll("#monthly-returns"));
        Assert.Empty(cut.FindAll("#charts-missing"));
        Assert.Single(_ctx.JSInterop.Invocations, i => i.Identifier == "createPriceChart");

        await cut.InvokeAsync(() => cut.FindAll("#backtest-trips tbody tr.trip-row")[2].Click());
        cut.WaitForAssertion(() => Assert.Contains("Trade #3", cut.Find("#selected-trip").TextContent, StringComparison.Ordinal));
        var select = _ctx.JSInterop.Invocations.Last(i => i.Identifier == "selectTrip");
        Assert.Equal(3, Assert.IsType<BacktestRoundTrip>(select.Arguments[1]).Number);
    }

    [Fact]
    public async Task A_run_stored_before_charts_existed_shows_a_note_and_what_it_has()
    {
        var candles = BacktestChartBuilderTests.Hourly(400);
        var config = BacktestChartBuilderTests.Config();
        var id = await BacktestJobRows.SaveAsync(_core, _userId, config, BacktestJson.Serialize(Backtester.Run(config, candles)));

        var cut = _ctx.Render<BacktestDetail>(p => p.Add(d => d.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("stored before result charts existed", cut.Find("#charts-missing").TextContent, StringComparison.Ordinal));
        Assert.Single(cut.FindAll("#backtest-trades"));
        Assert.Single(cut.FindAll("#equity-chart"));
        Assert.Empty(cut.FindAll("#chart-backtest-price"));
    }
}
