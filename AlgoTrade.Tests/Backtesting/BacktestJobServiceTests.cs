using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting;

/// <summary>
/// BacktestJobService and its runner on the real database. The test runs the work queue itself instead of starting the
/// hosted worker, so each step is awaited.
/// </summary>
public class BacktestJobServiceTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly RecordingScheduleControl _schedule = new();
    private FreshDatabase _database = default!;
    private ServiceProvider _services = default!;
    private BacktestJobService _jobs = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        // A database of its own: on the shared one, another test's work-queue node could claim these jobs first.
        _database = await TestDatabase.CreateMigratedAsync();
        _services = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(_schedule);
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
        }, BotFixtures.OfflineBinance);
        _jobs = _services.GetRequiredService<BacktestJobService>();
        _alice = await BotFixtures.NewUserAsync(_services, "bt-alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "bt-mallory");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static BacktestConfig Config(string exchange = ExchangeNames.Simulated, string symbol = "BTCUSDT", string timeframe = "1h") => new()
    {
        Symbol = symbol,
        ExchangeName = exchange,
        Timeframe = timeframe,
        Start = Start,
        End = End,
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
        Risk = new RiskSettings
        {
            InitialCapital = 10_000,
            PositionSizePerc = 50,
            StopLossPerc = 2,
            TakeProfitPerc = 4,
            TrailingStopActive = true,
            TrailingStopPerc = 1.5m,
            PartialTakeProfits = [new PartialTakeProfit(2, 0.5m)],
            FeeRate = 0.001m,
            SlippageBps = 2,
        },
    };

    /// <summary>Runs what the service queued, as the hosted worker would.</summary>
    private Task RunQueuedAsync(Guid jobId) => WorkQueueDrain.UntilFinishedAsync(_services, jobId);

    private async Task<BacktestJobDetail> CreateAndRunAsync(int userId, BacktestConfig config, string? csv = null)
    {
        var created = await _jobs.CreateAsync(userId, config, csv);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var pending = await _jobs.GetAsync(userId, created.JobId!.Value);
        Assert.Equal(BacktestJobStatus.Pending, pending!.Status);
        await RunQueuedAsync(created.JobId.Value);
        return (await _jobs.GetAsync(userId, created.JobId.Value))!;
    }

    /// <summary>The same candles the job should use, fetched here page by page without the loader.</summary>
    private async Task<Candle[]> SimulatedCandlesAsync(string timeframe)
    {
        var client = _services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Simulated);
        var candles = new List<Candle>();
        for (var from = Start; from < End;)
        {
            var page = await client.GetClosedKlinesAsync("BTCUSDT", timeframe, 1000, from, End.AddMilliseconds(-1));
            Assert.True(page.Success);
            if (page.Data.Count == 0) break;
            candles.AddRange(page.Data.Where(k => k.OpenTime < End)
                .Select(k => k.ToCandle()));
            from = page.Data[^1].OpenTime + Timeframe.Parse(timeframe).Duration;
        }
        return candles.ToArray();
    }

    [Fact]
    public async Task A_job_on_the_simulated_exchange_runs_to_completed_with_the_results_the_backtester_computes()
    {
        var job = await CreateAndRunAsync(_alice, Config());

        Assert.Equal(BacktestJobStatus.Completed, job.Status);
        Assert.Null(job.ErrorMessage);
        var candles = await SimulatedCandlesAsync("1h");
        Assert.Equal(1440, candles.Length); // 60 days of 1h: two pages of at most 1000
        var expected = Backtester.Run(Config(), candles);
        Assert.True(expected.Summary.NumberOfTrades > 0, "the sample period should trade");
        Assert.Equal(BacktestJson.Serialize(expected.Summary), BacktestJson.Serialize(job.Result!.Summary));
        Assert.Equal(expected.Trades, job.Result.Trades);
        Assert.Equal(expected.EquityCurve, job.Result.EquityCurve);

        // What is stored is the snake_case results document and the config with the bot's column names.
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var row = await db.BacktestJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        Assert.Equal(expected.Summary.FinalEquity, row.Results!.RootElement.GetProperty("summary").GetProperty("final_equity").GetDouble());
        Assert.True(row.Results.RootElement.GetProperty("equity_curve").GetArrayLength() > 0);
        Assert.Equal(expected.Trades.Count, row.Results.RootElement.GetProperty("trades").GetArrayLength());
        var reread = BacktestConfigReader.Read(row.Config.RootElement);
        Assert.True(reread.IsValid, string.Join(" ", reread.Errors.SelectMany(e => e.Value)));
        Assert.Equal(ExchangeNames.Simulated, reread.Config!.ExchangeName);
        Assert.True(row.UpdatedAt >= row.CreatedAt);
    }

    [Fact]
    public async Task An_uploaded_csv_is_backtested_as_given()
    {
        var candles = await SimulatedCandlesAsync("1h");
        var csv = new StringBuilder("datetime,open,high,low,close,volume\n");
        foreach (var c in candles)
            csv.Append(CultureInfo.InvariantCulture, $"{c.OpenTime:yyyy-MM-dd HH:mm:ss},{c.Open:R},{c.High:R},{c.Low:R},{c.Close:R},{c.Volume:R}\n");
        var config = Config() with { Start = Start.AddDays(10), End = null };

        var job = await CreateAndRunAsync(_alice, config, csv.ToString());

        Assert.Equal(BacktestJobStatus.Completed, job.Status);
        Assert.Null(job.Config.ExchangeName);
        var expected = Backtester.Run(config with { ExchangeName = null }, candles);
        Assert.Equal(BacktestJson.Serialize(expected.Summary), BacktestJson.Serialize(job.Result!.Summary));
        Assert.Equal(Start.AddDays(10), job.Result.Summary.Start);
    }

    [Fact]
    public async Task An_invalid_config_lists_every_problem_by_field_and_stores_nothing()
    {
        var config = Config() with
        {
            Symbol = "",
            Timeframe = "7m",
            Start = null,
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 30, "ema_slow": 20}""").RootElement,
            Risk = Config().Risk with { InitialCapital = 0, PositionSizePerc = 150, StopLossPerc = 100 },
        };
        var before = (await _jobs.ListAsync(_alice, 0, 100)).Total;

        var result = await _jobs.CreateAsync(_alice, config);

        Assert.False(result.Succeeded);
        Assert.Superset(new HashSet<string> { "symbol", "timeframe", "start", "strategy_params.ema_fast", "initial_capital", "position_size_perc", "stop_loss_perc" },
            result.Errors.Keys.ToHashSet());
        Assert.All(result.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        Assert.Equal(before, (await _jobs.ListAsync(_alice, 0, 100)).Total);
    }

    [Fact]
    public async Task Periods_beyond_the_candle_cap_and_broken_csv_files_are_refused_on_their_fields()
    {
        var tooLong = await _jobs.CreateAsync(_alice, Config(timeframe: "1m") with { End = Start.AddYears(1) });
        Assert.Contains("527,040 1m candles", Assert.Single(tooLong.Errors["start"]));

        var csv = "datetime,open,high,low,close,volume\n2024-01-01 00:00:00,1,2,0.5,1.5,10\n2024-01-01 01:00:00,1,oops,0.5,1.5,10\n";
        var broken = await _jobs.CreateAsync(_alice, Config(), csv);
        Assert.Contains("line 3", string.Join(" ", broken.Errors[BacktestJobService.DataField]));
    }

    [Fact]
    public async Task A_failing_data_source_marks_the_job_failed_with_the_reason()
    {
        var job = await CreateAndRunAsync(_alice, Config(symbol: "NOPEUSDT"));

        Assert.Equal(BacktestJobStatus.Failed, job.Status);
        Assert.Null(job.Result);
        Assert.Contains("simulated did not deliver NOPEUSDT 1h candles", job.ErrorMessage, StringComparison.Ordinal);
        var row = Assert.Single((await _jobs.ListAsync(_alice, 0, 100)).Items, r => r.Id == job.Id);
        Assert.Equal(BacktestJobStatus.Failed, row.Status);
        Assert.Equal(job.ErrorMessage, row.ErrorMessage);
    }

    [Fact]
    public async Task Another_users_job_is_invisible_and_cannot_be_deleted()
    {
        var job = await CreateAndRunAsync(_alice, Config());

        Assert.Null(await _jobs.GetAsync(_mallory, job.Id));
        Assert.DoesNotContain((await _jobs.ListAsync(_mallory, 0, 100)).Items, r => r.Id == job.Id);
        Assert.False(await _jobs.DeleteAsync(_mallory, job.Id));
        Assert.NotNull(await _jobs.GetAsync(_alice, job.Id));

        var mine = Assert.Single((await _jobs.ListAsync(_alice, 0, 100)).Items, r => r.Id == job.Id);
        Assert.Equal(job.Result!.Summary.TotalReturnPct, mine.TotalReturnPct);
        Assert.Equal("BTCUSDT", mine.Symbol);
        Assert.True(await _jobs.DeleteAsync(_alice, job.Id));
        Assert.Null(await _jobs.GetAsync(_alice, job.Id));
    }

    [Fact]
    public async Task Backtest_this_bot_uses_the_bots_settings_and_only_the_owners_bots()
    {
        var bot = (await _services.GetRequiredService<BotService>().CreateAsync(_alice, BotFixtures.Draft("bt bot"))).Bot!;

        Assert.True((await _jobs.CreateForBotAsync(_mallory, bot.Id, Start, End)).NotFound);
        var created = await _jobs.CreateForBotAsync(_alice, bot.Id, Start, End);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        await RunQueuedAsync(created.JobId!.Value);

        var job = (await _jobs.GetAsync(_alice, created.JobId!.Value))!;
        Assert.Equal(BacktestJobStatus.Completed, job.Status);
        Assert.Equal(("BTCUSDT", "15m", ExchangeNames.Simulated, 9), (job.Config.Symbol, job.Config.Timeframe, job.Config.ExchangeName,
            job.Config.StrategyParams.GetProperty("ema_fast").GetInt32()));
        Assert.Equal(1000m, job.Config.Risk.InitialCapital);
        Assert.Equal([new PartialTakeProfit(2, 0.5m)], job.Config.Risk.PartialTakeProfits);
    }
}
