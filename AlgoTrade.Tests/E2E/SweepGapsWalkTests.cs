using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A sweep over Binance history with a hole (fake Binance on loopback) shows the gaps panel on its page in the browser.
/// The app runs on its own database without a worker; the test's node, whose Binance is the fake, runs the chunks.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SweepGapsWalkTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc);
    private FakeBinanceServer _binance = default!;
    private FreshDatabase _database = default!;
    private AlgoTradeWebFactory _app = default!;
    private ServiceProvider _node = default!;
    private readonly string _symbol = CandleStoreTests.NewSymbol("sw");

    public async Task InitializeAsync()
    {
        _binance = await FakeBinanceServer.StartAsync();
        _binance.Prices[_symbol] = 100m;
        _database = await TestDatabase.CreateFreshAsync();
        var settings = ExchangeTestHost.Settings(_binance);
        _app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>(settings) { ["WorkQueue:Enabled"] = "false" },
            connectionString: _database.ConnectionString);
        _node = CoreServices.ResearchNode(_database.ConnectionString, new Dictionary<string, string?>(settings) { ["WorkQueue:NodeId"] = "gaps-walk-node" });
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _binance.DisposeAsync();
    }

    [Fact]
    public async Task A_trader_sees_the_gaps_of_a_sweeps_data_on_its_page()
    {
        _binance.KlineMissing = (_, open) => open >= Start.AddDays(3) && open < Start.AddDays(3).AddHours(7) || open == Start.AddDays(10);
        var email = TestUsers.NewEmail("sweepgaps");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        var created = await _app.Services.GetRequiredService<SweepService>().CreateAsync(userId, new SweepDefinition
        {
            BaseConfig = new BacktestConfig
            {
                Symbol = _symbol, ExchangeName = ExchangeNames.Binance, Timeframe = "1h", Start = Start, End = Start.AddDays(20),
                StrategyType = "ema_cross_rsi",
                StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
                Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, TakeProfitPerc = 4, FeeRate = 0.001m },
            },
            Dimensions = [new() { Target = "strategy_params.ema_fast", Values = [5, 9, 13] }, new() { Target = "stop_loss_perc", Min = 1, Max = 3, Step = 1 }],
            Objective = SweepObjective.TotalReturn,
        });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_node, created.SweepId!.Value);

        var page = await browser.SignedInPageAsync(_app, email, TestUsers.Password);
        await page.GotoAsync($"/sweeps/{created.SweepId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#sweep-progress")).ToContainTextAsync("9 of 9 points evaluated");
        await Expect(page.Locator("#backtest-gaps")).ToBeVisibleAsync();
        await Expect(page.Locator("#backtest-gaps-summary")).ToContainTextAsync("8 missing candles in 2 gaps: 1.67 % of the 480 candles");
        await Expect(page.Locator("#backtest-gaps")).ToContainTextAsync("every evaluation went straight from the candle before each gap");
        await Expect(page.Locator("#backtest-gap-list tr.gap-row")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "sweeps-result-gaps");
    }
}
