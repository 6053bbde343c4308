using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Backtests;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Backtests;

/// <summary>
/// The progress panel of a pending or running backtest against the real services on a database of its own (no worker
/// of another test can take the job): percent and ETA from work queue events, and Cancel.
/// </summary>
public class BacktestProgressPanelTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private FreshDatabase _database = default!;
    private ServiceProvider _core = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _core = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
        }, BotFixtures.OfflineBinance);
        _userId = await BotFixtures.NewUserAsync(_core, "btprogress");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestJobService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<WorkQueueEvents>());
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("btprogress@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<BacktestJobDetail> NewJobAsync()
    {
        var config = new BacktestConfig
        {
            Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h",
            Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            StrategyType = "ema_cross_rsi", StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50 },
        };
        var created = await _core.GetRequiredService<BacktestJobService>().CreateAsync(_userId, config);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        return (await _core.GetRequiredService<BacktestJobService>().GetAsync(_userId, created.JobId!.Value))!;
    }

    private async Task<(BacktestJobStatus Job, WorkItemStatus Item)> StatusAsync(Guid jobId)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        return ((await db.BacktestJobs.SingleAsync(j => j.Id == jobId)).Status, (await db.WorkItems.SingleAsync(w => w.JobId == jobId)).Status);
    }

    [Fact]
    public async Task A_running_job_shows_percent_and_eta_as_queue_events_arrive_and_cancel_ends_it_cancelled()
    {
        var job = await NewJobAsync();
        // A node claimed it 30 s ago and is halfway.
        var item = await _core.GetRequiredService<WorkItemRunner>().TryClaimAsync(CancellationToken.None);
        var startedAt = DateTime.UtcNow.AddSeconds(-30);
        await using (var db = TestDatabase.CreateContext(_database.ConnectionString))
            await db.BacktestJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, BacktestJobStatus.Running).SetProperty(j => j.StartedAt, startedAt));
        job = (await _core.GetRequiredService<BacktestJobService>().GetAsync(_userId, job.Id))!;
        var finished = 0;
        var cut = _ctx.Render<BacktestProgressPanel>(p => p
            .Add(c => c.Job, job)
            .Add(c => c.Finished, () => finished++));
        Assert.Contains("Fetching candles", cut.Find("#backtest-progress-text").TextContent, StringComparison.Ordinal);

        _core.GetRequiredService<WorkQueueEvents>().Deliver(new WorkItemEvent(item!.Id, BacktestWorkItemHandler.WorkKind, job.Id, _userId,
            WorkItemStatus.Running, 0.5, startedAt, "node-1"));

        cut.WaitForAssertion(() => Assert.Matches(@"^50 % · about (29|30|31) s left$", cut.Find("#backtest-progress-text").TextContent.Trim()));
        Assert.Equal("50", cut.Find("#backtest-progress").GetAttribute("data-progress"));
        // Another job's events do not move this one.
        _core.GetRequiredService<WorkQueueEvents>().Deliver(new WorkItemEvent(item.Id + 1000, BacktestWorkItemHandler.WorkKind, Guid.NewGuid(), _userId,
            WorkItemStatus.Running, 0.9, startedAt, "node-1"));
        await Task.Delay(200);
        Assert.Equal("50", cut.Find("#backtest-progress").GetAttribute("data-progress"));

        await cut.Find("#backtest-cancel").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(1, finished));
        Assert.Equal((BacktestJobStatus.Cancelled, WorkItemStatus.Cancelled), await StatusAsync(job.Id));
        var cancelled = (await _core.GetRequiredService<BacktestJobService>().GetAsync(_userId, job.Id))!;
        Assert.Null(cancelled.Result);
        Assert.Equal("Cancelled.", cancelled.ErrorMessage);
    }

    [Fact]
    public async Task A_pending_job_waits_and_cancelling_it_means_no_node_ever_runs_it()
    {
        var job = await NewJobAsync();
        var cut = _ctx.Render<BacktestProgressPanel>(p => p.Add(c => c.Job, job));
        Assert.Contains("Waiting for a free worker", cut.Find("#backtest-progress-text").TextContent, StringComparison.Ordinal);

        await cut.Find("#backtest-cancel").ClickAsync(new());

        Assert.Equal((BacktestJobStatus.Cancelled, WorkItemStatus.Cancelled), await StatusAsync(job.Id));
        Assert.False(await _core.GetRequiredService<WorkItemRunner>().TryRunNextAsync(CancellationToken.None));
        Assert.Equal((BacktestJobStatus.Cancelled, WorkItemStatus.Cancelled), await StatusAsync(job.Id));
    }
}
