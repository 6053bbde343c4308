using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Sweeps;

/// <summary>
/// A sweep stores the gaps of the candles all its evaluations read, as a backtest does: Binance history through the
/// store from a fake Binance server on loopback that has a hole. The chunks run through the work queue on a database
/// of the test's own, so no other test's node (whose Binance is not this fake) claims them.
/// </summary>
public sealed class SweepDataGapsTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddDays(4);
    private FakeBinanceServer _binance = null!;
    private FreshDatabase _database = null!;
    private ServiceProvider _services = null!;
    private SweepService _sweeps = null!;
    private int _userId;
    private readonly string _symbol = CandleStoreTests.NewSymbol("sg");

    public async Task InitializeAsync()
    {
        _binance = await FakeBinanceServer.StartAsync();
        _binance.Prices[_symbol] = 100m;
        _database = await TestDatabase.CreateMigratedAsync();
        var settings = new Dictionary<string, string?>(ExchangeTestHost.Settings(_binance)) { ["Sweeps:ChunkSize"] = "4" };
        _services = CoreServices.ResearchNode(_database.ConnectionString, settings);
        _sweeps = _services.GetRequiredService<SweepService>();
        _userId = await BotFixtures.NewUserAsync(_services, "sw-gaps");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _binance.DisposeAsync();
        await _database.DisposeAsync();
    }

    private SweepDefinition Definition() => new()
    {
        BaseConfig = new BacktestConfig
        {
            Symbol = _symbol,
            ExchangeName = ExchangeNames.Binance,
            Timeframe = "15m",
            Start = Start,
            End = End,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, TakeProfitPerc = 4 },
        },
        // 3 × 3 = 9 points in three chunks of 4, 4 and 1: every chunk reads the same candles.
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Values = [5, 9, 13] },
            new() { Target = "stop_loss_perc", Min = 1, Max = 3, Step = 1 },
        ],
        Objective = SweepObjective.TotalReturn,
    };

    private async Task<(SweepDetail Sweep, JsonElement StoredGaps)> RunAsync()
    {
        var created = await _sweeps.CreateAsync(_userId, Definition());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_services, created.SweepId!.Value);
        var sweep = (await _sweeps.GetAsync(_userId, created.SweepId.Value))!;
        Assert.True(sweep.Status == SweepStatus.Completed, sweep.ErrorMessage);
        Assert.Equal(9, sweep.EvaluatedPoints);
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var row = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweep.Id);
        return (sweep, row.DataGaps?.RootElement.Clone() ?? default);
    }

    [Fact]
    public async Task A_hole_in_the_exchanges_history_is_stored_once_with_the_sweep_and_never_filled()
    {
        var holeFrom = Start.AddDays(1).AddHours(6);
        var holeTo = Start.AddDays(1).AddHours(9);
        _binance.KlineMissing = (_, open) => open >= holeFrom && open < holeTo;

        var (sweep, stored) = await RunAsync();

        // The same JSON shape as a backtest's data_gaps.
        Assert.Equal(JsonValueKind.Object, stored.ValueKind);
        var gap = Assert.Single(stored.GetProperty("gaps").EnumerateArray());
        Assert.Equal(holeFrom, gap.GetProperty("from").GetDateTime());
        Assert.Equal(holeTo, gap.GetProperty("to").GetDateTime());
        Assert.Equal(12, gap.GetProperty("candles").GetInt64());
        Assert.Equal(4 * 96, stored.GetProperty("expected_candles").GetInt64());
        Assert.Equal(12, stored.GetProperty("missing_candles").GetInt64());
        Assert.Equal(1, stored.GetProperty("gap_count").GetInt32());
        Assert.Equal(100.0 * 12 / 384, stored.GetProperty("missing_pct").GetDouble(), 9);
        Assert.Equal([new CandleRange(holeFrom, holeTo, 12)], sweep.DataGaps!.Gaps);
        Assert.Equal((Start, End), (sweep.DataGaps.From, sweep.DataGaps.To));

        // A backtest of one of its points over the same store reports the very same gaps.
        var point = (await _sweeps.PointConfigAsync(_userId, sweep.Id, 0))!;
        var jobs = _services.GetRequiredService<BacktestJobService>();
        var job = await jobs.CreateAsync(_userId, point);
        Assert.True(job.Succeeded, string.Join(" ", job.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_services, job.JobId!.Value);
        var backtest = (await jobs.GetAsync(_userId, job.JobId.Value))!;
        Assert.True(backtest.Status == BacktestJobStatus.Completed, backtest.ErrorMessage);
        Assert.Equal(backtest.Result!.DataGaps!.Gaps, sweep.DataGaps.Gaps);
        Assert.Equal(4 * 96 - 12, backtest.Result.Summary.Candles);
    }

    [Fact]
    public async Task History_without_a_hole_stores_no_gaps()
    {
        var (sweep, stored) = await RunAsync();

        Assert.Equal(JsonValueKind.Undefined, stored.ValueKind);
        Assert.Null(sweep.DataGaps);
    }
}
