using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Comparison;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Core.Backtesting;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting.Comparison;

/// <summary>BacktestComparisonQueries on the real PostgreSQL database: 2–6 of the owner's completed runs, or one clear message.</summary>
public class BacktestComparisonQueriesTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private BacktestComparisonQueries _queries = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(await TestDatabase.SharedAsync());
        _queries = _services.GetRequiredService<BacktestComparisonQueries>();
        _alice = await BotFixtures.NewUserAsync(_services, "cmp-alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "cmp-mallory");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>A completed run with charts over the same candles; <paramref name="positionSize"/> makes runs differ.</summary>
    internal static async Task<(Guid Id, BacktestResult Result)> SaveRunAsync(IServiceProvider services, int userId, decimal positionSize,
        decimal capital = 10_000, bool withCharts = true)
    {
        var candles = BacktestChartBuilderTests.Hourly(1_500, seed: 3);
        var config = BacktestChartBuilderTests.Config() with
        {
            Risk = BacktestChartBuilderTests.Config().Risk with { PositionSizePerc = positionSize, InitialCapital = capital },
        };
        var result = Backtester.Run(config, candles);
        if (withCharts) result = BacktestChartBuilder.Attach(result, config, candles);
        return (await BacktestJobRows.SaveAsync(services, userId, config, BacktestJson.Serialize(result)), result);
    }

    [Fact]
    public async Task The_owners_completed_runs_come_in_the_order_picked_with_best_values_and_differing_config()
    {
        var (a, resultA) = await SaveRunAsync(_services, _alice, positionSize: 10, capital: 10_000);
        var (b, resultB) = await SaveRunAsync(_services, _alice, positionSize: 80, capital: 20_000, withCharts: false);

        var comparison = await _queries.CompareAsync(_alice, [b, a, b]);

        Assert.Null(comparison.Error);
        Assert.Equal([b, a], comparison.Runs.Select(r => r.Id));
        Assert.Equal(resultB.Summary, comparison.Runs[0].Summary);

        var ret = comparison.Metrics.Single(m => m.Name == "Total return");
        Assert.Equal([resultB.Summary.TotalReturnPct, resultA.Summary.TotalReturnPct], ret.Values);
        Assert.NotEqual(resultA.Summary.TotalReturnPct, resultB.Summary.TotalReturnPct);
        Assert.Equal([resultB.Summary.TotalReturnPct > resultA.Summary.TotalReturnPct ? 0 : 1], ret.Best);
        var drawdown = comparison.Metrics.Single(m => m.Name == "Max drawdown");
        Assert.Equal(MetricDirection.LowerIsBetter, drawdown.Direction);
        Assert.Equal([resultB.Summary.MaxDrawdownPct < resultA.Summary.MaxDrawdownPct ? 0 : 1], drawdown.Best);
        Assert.Empty(comparison.Metrics.Single(m => m.Name == "Trades").Best); // neutral: more trades is not better

        // Old runs without charts have no curve; the other starts at 100.
        Assert.Null(comparison.Runs[0].NormalizedEquity);
        var curve = comparison.Runs[1].NormalizedEquity!;
        Assert.Equal(resultA.Charts!.Equity.Count, curve.Count);
        Assert.Equal(resultA.Charts.Equity[^1].Equity / 100, curve[^1].Value, 2);

        Assert.Equal(["Initial capital", "Position size %"], comparison.Config.Where(c => c.Differs).Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["80", "10"], comparison.Config.Single(c => c.Key == "Position size %").Values);
        Assert.False(comparison.Config.Single(c => c.Key == "Symbol").Differs);
        Assert.Contains(comparison.Config, c => c.Key.StartsWith("Parameter ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fewer_than_two_or_more_than_six_runs_are_refused()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
            ids.Add(await BacktestJobRows.SaveAsync(_services, _alice, BacktestResultQueriesTests.SampleConfig(), "{}"));

        var one = await _queries.CompareAsync(_alice, [ids[0]]);
        Assert.Equal("Pick at least 2 completed runs to compare (you picked 1).", one.Error);
        Assert.Empty(one.Runs);
        var seven = await _queries.CompareAsync(_alice, ids);
        Assert.Equal("Compare at most 6 runs at a time (you picked 7).", seven.Error);
        Assert.Empty(seven.Runs);
    }

    [Fact]
    public async Task Another_users_run_reads_like_an_unknown_id_and_shows_nothing()
    {
        var (mine, _) = await SaveRunAsync(_services, _alice, positionSize: 20);
        var (theirs, _) = await SaveRunAsync(_services, _mallory, positionSize: 30);

        var withTheirs = await _queries.CompareAsync(_alice, [mine, theirs]);
        var withUnknown = await _queries.CompareAsync(_alice, [mine, Guid.CreateVersion7()]);

        Assert.StartsWith("One of the runs you picked does not exist", withTheirs.Error, StringComparison.Ordinal);
        Assert.Equal(withUnknown.Error, withTheirs.Error);
        Assert.Empty(withTheirs.Runs);
        Assert.Empty(withTheirs.Metrics);
        Assert.Empty(withTheirs.Config);
    }

    [Fact]
    public async Task A_run_that_is_not_completed_is_named_and_refused()
    {
        var (done, _) = await SaveRunAsync(_services, _alice, positionSize: 20);
        var running = await BacktestJobRows.SaveAsync(_services, _alice, BacktestResultQueriesTests.SampleConfig("SOLUSDT"), status: BacktestJobStatus.Running);
        var failed = await BacktestJobRows.SaveAsync(_services, _alice, BacktestResultQueriesTests.SampleConfig("ETHUSDT"), status: BacktestJobStatus.Failed);

        var comparison = await _queries.CompareAsync(_alice, [done, running]);
        Assert.Matches(@"^The run of SOLUSDT 1h created \d{4}-\d\d-\d\d \d\d:\d\d UTC is running; only completed runs can be compared\.$", comparison.Error);
        Assert.Empty(comparison.Runs);
        Assert.Contains("is failed", (await _queries.CompareAsync(_alice, [failed, done])).Error, StringComparison.Ordinal);
    }
}
