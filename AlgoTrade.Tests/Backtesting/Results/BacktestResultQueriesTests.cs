using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting.Results;

/// <summary>BacktestResultQueries on the real PostgreSQL database: owner-scoped, reading only what each page needs.</summary>
public class BacktestResultQueriesTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private BacktestResultQueries _queries = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(await TestDatabase.SharedAsync());
        _queries = _services.GetRequiredService<BacktestResultQueries>();
        _alice = await BotFixtures.NewUserAsync(_services, "res-alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "res-mallory");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    internal static BacktestConfig SampleConfig(string symbol = "BTCUSDT") => new()
    {
        Symbol = symbol,
        ExchangeName = ExchangeNames.Simulated,
        Timeframe = "1h",
        Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        End = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 8, "ema_slow": 30, "rsi_period": 14, "rsi_overbought": 72}""").RootElement,
        Risk = new RiskSettings
        {
            InitialCapital = 5_000,
            PositionSizePerc = 40,
            StopLossPerc = 3,
            TakeProfitPerc = 6,
            PartialTakeProfits = [new PartialTakeProfit(2, 0.25m)],
        },
    };

    [Fact]
    public async Task The_config_of_a_run_is_read_for_its_owner_only()
    {
        var config = SampleConfig("ETHUSDT");
        var id = await BacktestJobRows.SaveAsync(_services, _alice, config);

        var mine = await _queries.GetConfigAsync(_alice, id);
        Assert.NotNull(mine);
        Assert.Equal("ETHUSDT", mine.Symbol);
        Assert.Equal(30, mine.StrategyParams.GetProperty("ema_slow").GetInt32());
        Assert.Equal(config.Risk, mine.Risk);

        Assert.Null(await _queries.GetConfigAsync(_mallory, id));
        Assert.Null(await _queries.GetConfigAsync(_alice, Guid.CreateVersion7()));
    }

    [Fact]
    public async Task Trades_are_sorted_and_paged_by_postgresql_for_the_owner_only()
    {
        var candles = AlgoTrade.Tests.Core.Backtesting.BacktestChartBuilderTests.Hourly(6_000, seed: 4);
        var config = AlgoTrade.Tests.Core.Backtesting.BacktestChartBuilderTests.Config();
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles);
        var trips = result.Charts!.Trips;
        Assert.True(trips.Count > 60, $"only {trips.Count} trades");
        var id = await BacktestJobRows.SaveAsync(_services, _alice, config, BacktestJson.Serialize(result));

        var byPnl = await _queries.GetTripsAsync(_alice, id, BacktestTripSort.Pnl, descending: true, page: 1, pageSize: 20);
        Assert.Equal(trips.Count, byPnl.Total);
        Assert.Equal(trips.OrderByDescending(t => t.Pnl).ThenByDescending(t => t.Number).Skip(20).Take(20).Select(t => t.Number),
            byPnl.Items.Select(t => t.Number));
        Assert.Equal(trips.Single(t => t.Number == byPnl.Items[0].Number).StopLoss, byPnl.Items[0].StopLoss);

        var byDuration = await _queries.GetTripsAsync(_alice, id, BacktestTripSort.DurationHours, descending: false, page: 0, pageSize: 10);
        Assert.Equal(trips.OrderBy(t => t.DurationHours).ThenBy(t => t.Number).Take(10).Select(t => t.Number), byDuration.Items.Select(t => t.Number));

        var byReason = await _queries.GetTripsAsync(_alice, id, BacktestTripSort.ExitReason, descending: false, page: 0, pageSize: 200);
        Assert.Equal(trips.OrderBy(t => t.ExitReason, StringComparer.Ordinal).ThenBy(t => t.Number).Take(200).Select(t => t.Number),
            byReason.Items.Select(t => t.Number));

        var lastPage = await _queries.GetTripsAsync(_alice, id, BacktestTripSort.Number, descending: false, page: trips.Count / 25, pageSize: 25);
        Assert.Equal(trips.Skip(trips.Count / 25 * 25).Select(t => t.Number), lastPage.Items.Select(t => t.Number));

        var theirs = await _queries.GetTripsAsync(_mallory, id, BacktestTripSort.Pnl, descending: true, page: 0, pageSize: 20);
        Assert.Equal((0, 0), (theirs.Total, theirs.Items.Count));
    }

    [Fact]
    public async Task A_run_stored_before_charts_existed_has_no_trade_list_to_page()
    {
        var candles = AlgoTrade.Tests.Core.Backtesting.BacktestChartBuilderTests.Hourly(500);
        var config = AlgoTrade.Tests.Core.Backtesting.BacktestChartBuilderTests.Config();
        var id = await BacktestJobRows.SaveAsync(_services, _alice, config, BacktestJson.Serialize(Backtester.Run(config, candles)));
        var page = await _queries.GetTripsAsync(_alice, id, BacktestTripSort.Number, descending: false, page: 0, pageSize: 25);
        Assert.Equal(0, page.Total);
    }
}
