using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Sweeps;
using AlgoTrade.Web.Components.Pages.Sweeps;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Sweeps;

/// <summary>The sweep form and results page against the real services and database; chunks run in-process.</summary>
public class SweepPagesTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly BunitContext _ctx = new();
    private readonly RecordingSweepScheduler _scheduler = new();
    private ServiceProvider _core = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
            s.AddSingleton<ISweepChunkScheduler>(_scheduler);
        }, BotFixtures.OfflineBinance);
        _userId = await BotFixtures.NewUserAsync(_core, "sweep-pages");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<SweepService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestJobService>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("sweeps@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private static BacktestConfig Base() => new()
    {
        Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", Start = Start, End = Start.AddDays(60),
        StrategyType = "ema_cross_rsi", StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
        Risk = new AlgoTrade.Core.Trading.RiskSettings { InitialCapital = 10_000, PositionSizePerc = 100, FeeRate = 0.001m },
    };

    private async Task<Guid> CompletedSweepAsync()
    {
        var created = await _core.GetRequiredService<SweepService>().CreateAsync(_userId, new SweepDefinition
        {
            BaseConfig = Base(),
            Dimensions = [new() { Target = "strategy_params.ema_fast", Values = [5, 9, 13] }, new() { Target = "stop_loss_perc", Min = 1, Max = 4, Step = 1 }],
            Objective = SweepObjective.TotalReturn,
        });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var runner = _core.GetRequiredService<SweepChunkRunner>();
        foreach (var (id, user, chunk) in _scheduler.Chunks.Where(c => c.SweepId == created.SweepId).ToList())
            await runner.RunAsync(id, user, chunk, null, CancellationToken.None);
        return created.SweepId!.Value;
    }

    [Fact]
    public async Task Results_page_shows_the_best_point_a_sorted_server_paged_table_the_heatmap_and_importance()
    {
        var id = await CompletedSweepAsync();
        var sweep = (await _core.GetRequiredService<SweepService>().GetAsync(_userId, id))!;
        Assert.Equal(SweepStatus.Completed, sweep.Status);

        var cut = _ctx.Render<SweepResults>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("#sweep-evaluations tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("12 of 12 points evaluated", cut.Find("#sweep-progress").TextContent, StringComparison.Ordinal);
        Assert.Contains($"Best point #{sweep.Best!.PointIndex}", cut.Find("#sweep-best").TextContent, StringComparison.Ordinal);

        // Sorted by in-sample score, best first: the first row is the best point.
        var firstRow = cut.FindAll("#sweep-evaluations tbody tr")[0];
        Assert.Equal(sweep.Best.PointIndex.ToString(CultureInfo.InvariantCulture), firstRow.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal(sweep.Best.InSampleScore!.Value.ToString("0.00", CultureInfo.InvariantCulture), firstRow.QuerySelector(".sweep-is-score")!.TextContent.Trim());
        // "Create bot from this one" on the row and on the best point opens the bot form prefilled from that point.
        var createBot = $"/bots/new?fromSweep={id}&point={sweep.Best.PointIndex.ToString(CultureInfo.InvariantCulture)}";
        Assert.Equal(createBot, firstRow.QuerySelector(".sweep-create-bot")!.GetAttribute("href"));
        Assert.Equal(createBot, cut.Find("#sweep-best-create-bot").GetAttribute("href"));

        // 3 fast periods × 4 stop-losses; importance lists both parameters as a share.
        Assert.Equal(12, cut.FindAll(".sweep-heatmap-cell").Count);
        var importance = cut.FindAll(".sweep-importance-row").Select(r => r.TextContent).ToList();
        Assert.Equal(2, importance.Count);
        Assert.Contains(importance, r => r.StartsWith("Fast EMA period: ", StringComparison.Ordinal));
        Assert.All(importance, r => Assert.EndsWith(" %", r, StringComparison.Ordinal));
        // Most important first.
        var shares = importance.Select(r => double.Parse(r[(r.IndexOf(": ", StringComparison.Ordinal) + 2)..^2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(shares.OrderByDescending(x => x), shares);

        // The simulated market has no hole: no gaps panel.
        Assert.Null(sweep.DataGaps);
        Assert.Empty(cut.FindAll("#backtest-gaps"));
    }

    [Fact]
    public async Task Results_page_shows_the_gaps_of_the_sweeps_data_in_the_backtests_panel()
    {
        var id = await CompletedSweepAsync();
        var start = Start.AddDays(3);
        var candles = Enumerable.Range(0, 48).Where(i => i is < 10 or > 12 && i != 30)
            .Select(i => new Candle(start.AddHours(i), 100, 101, 99, 100, 1)).ToArray();
        var gaps = CandleGapReport.Find(candles, start, start.AddHours(48), Timeframe.H1)!;
        var dbFactory = _core.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
            await db.Sweeps.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DataGaps, JsonDocument.Parse(BacktestJson.Serialize(gaps))));

        var cut = _ctx.Render<SweepResults>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#backtest-gaps")), TimeSpan.FromSeconds(10));
        var panel = cut.Find("#backtest-gaps");
        Assert.Equal("4", panel.GetAttribute("data-missing"));
        Assert.Equal("2", panel.GetAttribute("data-gaps"));
        Assert.Contains("The data has 4 missing candles in 2 gaps: 8.33 % of the 48 candles", Words(cut.Find("#backtest-gaps-summary").TextContent), StringComparison.Ordinal);
        Assert.Contains("every evaluation went straight from the candle before each gap", Words(panel.TextContent), StringComparison.Ordinal);
        var rows = cut.FindAll("#backtest-gap-list tr.gap-row");
        Assert.Equal(2, rows.Count);
        Assert.Contains("3", rows[0].QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
        // Above the best point, like the backtest page puts it above the trades.
        Assert.True(cut.Markup.IndexOf("id=\"backtest-gaps\"", StringComparison.Ordinal) < cut.Markup.IndexOf("id=\"sweep-best\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_form_offers_bayesian_refinement_checks_its_budget_and_starts_it()
    {
        var backtest = await _core.GetRequiredService<BacktestJobService>().CreateAsync(_userId, Base());
        Assert.True(backtest.Succeeded, string.Join(" ", backtest.Errors.SelectMany(e => e.Value)));
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/sweeps/new?fromBacktest={backtest.JobId}");
        var cut = _ctx.Render<SweepNew>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".sweep-dimension")), TimeSpan.FromSeconds(10));
        cut.Find(".sweep-values input").Input("");
        // Below the backtest's slow period of 21, so every point is valid.
        cut.Find(".sweep-min input").Input("2");
        cut.Find(".sweep-max input").Input("20");
        cut.Find(".sweep-step input").Input("2");

        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<SweepSearch>>().Instance.ValueChanged.InvokeAsync(SweepSearch.Tpe));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#sweep-initial-samples")));
        // The default budget of 100 is more than the 10 values of one parameter.
        cut.WaitForAssertion(() => Assert.Contains("The parameters have only 10 distinct combinations, fewer than the budget of 100", cut.Find("#sweep-count").TextContent, StringComparison.Ordinal));
        cut.Find("#sweep-samples").Input("8");
        cut.WaitForAssertion(() => Assert.Contains("The initial random batch must be at least 4 points and smaller than the budget of 8.", cut.Find("#sweep-count").TextContent, StringComparison.Ordinal));
        cut.Find("#sweep-initial-samples").Input("4");
        cut.Find("#sweep-batch-size").Input("600");
        cut.WaitForAssertion(() => Assert.Contains("Points proposed per batch must be between 1 and 500.", cut.Find("#sweep-count").TextContent, StringComparison.Ordinal));
        cut.Find("#sweep-batch-size").Input("2");
        cut.WaitForAssertion(() =>
        {
            var count = Words(cut.Find("#sweep-count").TextContent);
            Assert.True(count.Contains("8 distinct evaluations: 4 random, then batches of 2 proposed where the finished points score best", StringComparison.Ordinal), count);
        });

        cut.Find("#sweep-start").Click();
        var navigation = _ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/sweeps/[0-9a-f-]{36}$", navigation.Uri), TimeSpan.FromSeconds(10));
        var created = (await _core.GetRequiredService<SweepService>().GetAsync(_userId, Guid.Parse(navigation.Uri[^36..])))!;
        Assert.Equal((SweepSearch.Tpe, 8, 4, 2), (created.Definition.Search, created.Definition.Samples, created.Definition.InitialSamples, created.Definition.BatchSize));
        Assert.Equal(8, created.TotalPoints);
        // Only the initial batch is queued; the rest is proposed as batches finish.
        Assert.Equal(4, _scheduler.Chunks.Where(c => c.SweepId == created.Id).Sum(c => c.Chunk.Count));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_form_counts_evaluations_live_shows_limit_problems_and_starts_a_sweep_from_a_backtest()
    {
        var backtest = await _core.GetRequiredService<BacktestJobService>().CreateAsync(_userId, Base());
        Assert.True(backtest.Succeeded, string.Join(" ", backtest.Errors.SelectMany(e => e.Value)));
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/sweeps/new?fromBacktest={backtest.JobId}");

        var cut = _ctx.Render<SweepNew>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".sweep-dimension")), TimeSpan.FromSeconds(10));
        Assert.Contains("Fast EMA period must be at least 2 and at most 500, whole numbers · the backtest uses 9", cut.Find(".sweep-limits").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 evaluation (at most 100,000 per sweep)", cut.Find("#sweep-count").TextContent, StringComparison.Ordinal);

        cut.Find(".sweep-values input").Input("1, 5, 9");
        cut.WaitForAssertion(() => Assert.Equal("Parameter 1: Fast EMA period must be at least 2 and at most 500 (got 1).", cut.Find(".sweep-form-error").TextContent.Trim()));
        cut.Find(".sweep-values input").Input("5, 9, 13");
        cut.WaitForAssertion(() => Assert.Contains("3 evaluations (at most 100,000 per sweep)", cut.Find("#sweep-count").TextContent, StringComparison.Ordinal));

        cut.Find("#sweep-start").Click();
        var navigation = _ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/sweeps/[0-9a-f-]{36}$", navigation.Uri), TimeSpan.FromSeconds(10));
        var id = Guid.Parse(navigation.Uri[^36..]);
        var created = await _core.GetRequiredService<SweepService>().GetAsync(_userId, id);
        Assert.Equal(3, created!.TotalPoints);
        Assert.Equal([5m, 9, 13], created.Definition.Dimensions[0].Values);
    }
}
