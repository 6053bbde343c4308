using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting;

/// <summary>
/// Gaps in a backtest's data are stored with its result: Binance history through the store (fake Binance server on
/// loopback that has a hole) and an uploaded CSV with missing candles. Nothing is filled. The jobs run on a database of
/// their own: on the shared one another test's node could claim them, and its Binance client is not this fake server.
/// </summary>
public sealed class BacktestDataGapsTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddDays(4);
    private FakeBinanceServer _binance = null!;
    private FreshDatabase _database = null!;
    private ServiceProvider _services = null!;
    private BacktestJobService _jobs = null!;
    private int _userId;
    private readonly string _symbol = CandleStoreTests.NewSymbol("gp");

    public async Task InitializeAsync()
    {
        _binance = await FakeBinanceServer.StartAsync();
        _binance.Prices[_symbol] = 100m;
        _database = await TestDatabase.CreateMigratedAsync();
        _services = CoreServices.ResearchNode(_database.ConnectionString, ExchangeTestHost.Settings(_binance));
        _jobs = _services.GetRequiredService<BacktestJobService>();
        _userId = await BotFixtures.NewUserAsync(_services, "bt-gaps");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _binance.DisposeAsync();
        await _database.DisposeAsync();
    }

    private BacktestConfig Config(string? exchange) => new()
    {
        Symbol = _symbol,
        ExchangeName = exchange,
        Timeframe = "15m",
        Start = Start,
        End = End,
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
        Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, TakeProfitPerc = 4 },
    };

    private async Task<(BacktestJobDetail Job, JsonElement StoredGaps)> RunAsync(BacktestConfig config, string? csv = null)
    {
        var created = await _jobs.CreateAsync(_userId, config, csv);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_services, created.JobId!.Value);
        var job = (await _jobs.GetAsync(_userId, created.JobId.Value))!;
        Assert.True(job.Status == BacktestJobStatus.Completed, job.ErrorMessage);
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var row = await db.BacktestJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        var stored = row.Results!.RootElement.TryGetProperty("data_gaps", out var gaps) ? gaps.Clone() : default;
        return (job, stored);
    }

    [Fact]
    public async Task A_hole_in_the_exchanges_history_is_stored_with_the_result_and_never_filled()
    {
        var holeFrom = Start.AddDays(1).AddHours(6);
        var holeTo = Start.AddDays(1).AddHours(9);
        _binance.KlineMissing = (_, open) => open >= holeFrom && open < holeTo;

        var (job, stored) = await RunAsync(Config(ExchangeNames.Binance));

        Assert.Equal(JsonValueKind.Object, stored.ValueKind);
        var gap = Assert.Single(stored.GetProperty("gaps").EnumerateArray());
        Assert.Equal(holeFrom, gap.GetProperty("from").GetDateTime());
        Assert.Equal(holeTo, gap.GetProperty("to").GetDateTime());
        Assert.Equal(12, gap.GetProperty("candles").GetInt64());
        Assert.Equal(4 * 96, stored.GetProperty("expected_candles").GetInt64());
        Assert.Equal(12, stored.GetProperty("missing_candles").GetInt64());
        Assert.Equal(1, stored.GetProperty("gap_count").GetInt32());
        Assert.Equal(100.0 * 12 / 384, stored.GetProperty("missing_pct").GetDouble(), 9);

        // Read back as the page reads it; the run saw only the candles the exchange has.
        Assert.Equal([new CandleRange(holeFrom, holeTo, 12)], job.Result!.DataGaps!.Gaps);
        Assert.Equal(4 * 96 - 12, job.Result.Summary.Candles);

        // A second run reads the store, which still has the hole: the same gap again, nothing invented.
        var (again, _) = await RunAsync(Config(ExchangeNames.Binance));
        var repeated = again.Result!.DataGaps!;
        Assert.Equal((job.Result.DataGaps.MissingCandles, job.Result.DataGaps.ExpectedCandles), (repeated.MissingCandles, repeated.ExpectedCandles));
        Assert.Equal(job.Result.DataGaps.Gaps, repeated.Gaps);
        var series = CandleSeriesKey.For(ExchangeNames.Binance, _symbol, Timeframe.M15);
        var coverage = await _services.GetRequiredService<CandleStore>().CoverageAsync(series, null, null, CancellationToken.None);
        Assert.Equal([new CandleRange(holeFrom, holeTo, 12)], coverage.Single().Gaps);
    }

    [Fact]
    public async Task History_without_a_hole_stores_no_gaps()
    {
        var (job, stored) = await RunAsync(Config(ExchangeNames.Binance));

        Assert.Equal(JsonValueKind.Undefined, stored.ValueKind);
        Assert.Null(job.Result!.DataGaps);
        Assert.Equal(4 * 96, job.Result.Summary.Candles);
    }

    [Fact]
    public async Task Missing_rows_of_an_uploaded_csv_are_stored_as_gaps()
    {
        var csv = new StringBuilder("datetime,open,high,low,close,volume\n");
        var time = Start;
        for (var i = 0; i < 4 * 96; i++, time = time.AddMinutes(15))
        {
            // Rows 100-102 and 200 are not in the file.
            if (i is >= 100 and <= 102 or 200) continue;
            var open = 100 + i % 7;
            csv.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd HH:mm:ss},{open},{open + 1},{open - 1},{open + 0.5},10\n");
        }

        var (job, stored) = await RunAsync(Config(null) with { Start = null, End = null }, csv.ToString());

        Assert.Equal(2, stored.GetProperty("gaps").GetArrayLength());
        Assert.Equal(
            [new CandleRange(Start.AddMinutes(15 * 100), Start.AddMinutes(15 * 103), 3), new CandleRange(Start.AddMinutes(15 * 200), Start.AddMinutes(15 * 201), 1)],
            job.Result!.DataGaps!.Gaps);
        Assert.Equal(4, job.Result.DataGaps.MissingCandles);
        Assert.Equal(4 * 96, job.Result.DataGaps.ExpectedCandles);
        Assert.Equal(4 * 96 - 4, job.Result.Summary.Candles);
    }
}
