using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;
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
    public async Task A_run_whose_data_had_gaps_warns_with_the_share_missing_and_lists_them()
    {
        var candles = BacktestChartBuilderTests.Hourly(400);
        var config = BacktestChartBuilderTests.Config();
        // Hours 100-109 and 250 are missing from the data the run had.
        var holed = candles.Where((_, i) => i is not (>= 100 and < 110 or 250)).ToArray();
        var gaps = CandleGapReport.Find(holed, Timeframe.H1)!;
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, holed), config, holed) with { DataGaps = gaps };
        var id = await BacktestJobRows.SaveAsync(_core, _userId, config, BacktestJson.Serialize(result));

        var cut = _ctx.Render<BacktestDetail>(p => p.Add(d => d.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#backtest-gaps")));
        var summary = cut.Find("#backtest-gaps-summary").TextContent;
        Assert.Contains("11 missing candles", summary, StringComparison.Ordinal);
        Assert.Contains("in 2 gaps", summary, StringComparison.Ordinal);
        Assert.Contains("2.75 % of the 400 candles", summary, StringComparison.Ordinal);
        var rows = cut.FindAll("#backtest-gap-list tr.gap-row");
        Assert.Equal(2, rows.Count);
        var first = candles[100].OpenTime;
        Assert.Equal([BacktestFormat.Time(first), BacktestFormat.Time(first.AddHours(10)), "10"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("1", rows[1].QuerySelectorAll("td")[2].TextContent);
        Assert.Empty(cut.FindAll("#backtest-gaps-more"));
    }

    [Fact]
    public void The_gaps_panel_shows_the_first_gaps_and_counts_the_rest()
    {
        // Every third hour is missing: 30 gaps of one candle.
        var candles = BacktestChartBuilderTests.Hourly(90).Where((_, i) => i % 3 != 1).ToArray();
        var gaps = CandleGapReport.Find(candles, Timeframe.H1)!;
        Assert.Equal(30, gaps.GapCount);

        var cut = _ctx.Render<DataGapsPanel>(p => p.Add(g => g.Gaps, gaps));

        Assert.Equal(DataGapsPanel.MaxShown, cut.FindAll("tr.gap-row").Count);
        Assert.Equal("… and 10 more gaps.", cut.Find("#backtest-gaps-more").TextContent.Trim());
        Assert.Equal("30", cut.Find("#backtest-gaps").GetAttribute("data-gaps"));
        Assert.Contains("33.33 %", cut.Find("#backtest-gaps-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_gaps_shows_no_gap_warning()
    {
        var candles = BacktestChartBuilderTests.Hourly(300);
        var config = BacktestChartBuilderTests.Config();
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles);
        var id = await BacktestJobRows.SaveAsync(_core, _userId, config, BacktestJson.Serialize(result));

        var cut = _ctx.Render<BacktestDetail>(p => p.Add(d => d.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#chart-backtest-price")));
        Assert.Empty(cut.FindAll("#backtest-gaps"));
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
