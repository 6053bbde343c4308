using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Bots;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Bots;

/// <summary>"Create bot from this backtest": the new-bot form at <c>?fromBacktest=</c> against the real services and database.</summary>
public class BotPrefillTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private int _userId;
    private int _otherId;

    public async Task InitializeAsync()
    {
        _core = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), new RecordingScheduleControl());
        _userId = await BotFixtures.NewUserAsync(_core, "prefill");
        _otherId = await BotFixtures.NewUserAsync(_core, "prefill-other");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BotService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<SymbolCatalog>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<ApiKeyService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestResultQueries>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<SweepService>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("prefill@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private static BacktestConfig RulesConfig() => new()
    {
        Symbol = "ETHUSDT",
        ExchangeName = ExchangeNames.Simulated,
        Timeframe = "4h",
        Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        End = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc),
        StrategyType = "rules",
        StrategyParams = JsonDocument.Parse(RuleDocumentWriter.ToJson(RuleTemplates.MacdCross(10, 24, 7))).RootElement,
        Risk = new RiskSettings
        {
            InitialCapital = 2_500,
            PositionSizeFixed = 400,
            StopLossPerc = 2.5m,
            TakeProfitPerc = 9,
            TrailingStopActive = true,
            TrailingStopPerc = 1.25m,
            PartialTakeProfits = [new PartialTakeProfit(3, 0.3m), new PartialTakeProfit(5, 0.2m)],
            MaxTradeDurationHours = 72,
            DailyTargetPerc = 4,
            MaxDailyLossPerc = 3,
            FeeRate = 0.00075m,
            SlippageBps = 3,
        },
    };

    private Task<IRenderedComponent<BotEdit>> RenderFromAsync(Guid jobId) => RenderAtAsync($"/bots/new?fromBacktest={jobId}");

    private async Task<IRenderedComponent<BotEdit>> RenderAtAsync(string url)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = _ctx.Render<BotEdit>();
        // The form is there once the run's config is read; symbols and the example price load after the first paint.
        await Eventually.HoldsAsync(() => cut.FindAll("#bot-form").Count == 1, TimeSpan.FromSeconds(30), "the bot form is shown");
        return cut;
    }

    private static string Value(IRenderedComponent<BotEdit> cut, string inputId) => cut.Find("#" + inputId).GetAttribute("value") ?? "";

    [Fact]
    public async Task The_form_opens_with_the_runs_strategy_rules_and_risk_and_saves_a_bot_that_trades_them()
    {
        var config = RulesConfig();
        var jobId = await BacktestJobRows.SaveAsync(_core, _userId, config);

        var cut = await RenderFromAsync(jobId);
        Assert.Contains("Custom rules on ETHUSDT 4h", cut.Find("#prefill-source").TextContent, StringComparison.Ordinal);
        Assert.Equal("Custom rules ETHUSDT 4h", Value(cut, "bot-name"));
        Assert.Equal("ETHUSDT", Value(cut, "bot-symbol"));
        Assert.Equal(StrategyRegistry.Rules.Description, cut.Find("#strategy-description").TextContent);
        Assert.Equal(RuleDescriber.Describe(RuleTemplates.MacdCross(10, 24, 7)), cut.Find("#rule-preview").TextContent);
        Assert.Equal("2500", Value(cut, "bot-capital"));
        Assert.Equal("400", Value(cut, "bot-size-fixed"));
        Assert.Empty(cut.FindAll("#bot-size-perc"));
        Assert.Equal(("2.5", "9", "1.25"), (Value(cut, "bot-stop-loss"), Value(cut, "bot-take-profit"), Value(cut, "bot-trailing")));
        Assert.Equal(("3", "30", "5", "20"), (Value(cut, "partial-0-percentage"), Value(cut, "partial-0-share"), Value(cut, "partial-1-percentage"), Value(cut, "partial-1-share")));
        Assert.Equal(("72", "4", "3"), (Value(cut, "bot-max-duration"), Value(cut, "bot-daily-target"), Value(cut, "bot-daily-loss")));

        await cut.InvokeAsync(() => cut.Find("#bot-save").Click());
        var bots = _core.GetRequiredService<BotService>();
        await Eventually.HoldsAsync(async () => (await bots.ListAsync(_userId)).Count == 1, TimeSpan.FromSeconds(10), "the prefilled bot is saved");
        var saved = await bots.GetAsync(_userId, (await bots.ListAsync(_userId))[0].Id);
        Assert.Equal(("rules", "ETHUSDT", "4h", ExchangeNames.Simulated), (saved!.StrategyType, saved.Symbol, saved.Timeframe, saved.ExchangeName));
        Assert.Equal(RuleDocumentWriter.ToJson(RuleTemplates.MacdCross(10, 24, 7)),
            RuleDocumentWriter.ToJson(RuleDocumentReader.Read(saved.StrategyParams.RootElement).Document!));
        // The bot's risk columns are the run's, up to the cost model, which is the backtest's own.
        var risk = RiskSettings.FromBotConfig(saved, out var errors, config.Risk.FeeRate, config.Risk.SlippageBps);
        Assert.Empty(errors);
        Assert.Equal(config.Risk, risk);
    }

    [Fact]
    public async Task Another_users_run_is_not_found_and_prefills_nothing()
    {
        var theirs = await BacktestJobRows.SaveAsync(_core, _otherId, RulesConfig());

        var cut = await RenderFromAsync(theirs);
        Assert.Contains($"Backtest {theirs} was not found among your backtests", cut.Find("#prefill-missing").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#prefill-source"));
        Assert.Equal("", Value(cut, "bot-name"));
        Assert.Equal(StrategyRegistry.EmaCrossRsi.Description, cut.Find("#strategy-description").TextContent);
    }

    [Fact]
    public void A_built_in_strategy_maps_its_numbers_and_a_percent_size_and_round_trips_to_the_same_settings()
    {
        var config = BacktestResultQueriesTests.SampleConfig();
        var model = BotPrefill.FromBacktestConfig(config);

        Assert.Equal(("ema_cross_rsi", PositionSizeMode.PercentOfCash, 40m), (model.StrategyType, model.SizeMode, model.PositionSizePerc));
        Assert.Equal(8m, model.StrategyParams["ema_fast"]);
        Assert.Equal(72m, model.StrategyParams["rsi_overbought"]);
        Assert.False(model.TrailingStopActive);

        var back = BacktestConfig.FromBot(model.ToBotConfig(), config.Start, config.End, config.Risk.FeeRate, config.Risk.SlippageBps, out var errors);
        Assert.Empty(errors);
        Assert.Equal(config.Risk, back.Risk);
        Assert.Equal(config.StrategyParams.GetProperty("ema_slow").GetDecimal(), back.StrategyParams.GetProperty("ema_slow").GetDecimal());
    }

    [Fact]
    public void An_uploaded_csv_run_names_no_exchange_so_the_form_keeps_the_offline_default()
    {
        var model = BotPrefill.FromBacktestConfig(RulesConfig() with { ExchangeName = null });
        Assert.Equal(ExchangeNames.Simulated, model.ExchangeName);
        Assert.True(model.UsesRules);
    }

    /// <summary>3 × 2 × 2 grid points; the last dimension (the stop-loss) varies fastest.</summary>
    private static SweepDefinition Sweep() => new()
    {
        BaseConfig = new BacktestConfig
        {
            Symbol = "BTCUSDT",
            ExchangeName = ExchangeNames.Simulated,
            Timeframe = "1h",
            Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            End = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, FeeRate = 0.001m },
        },
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Values = [5, 9, 13] },
            new() { Target = "strategy_params.ema_slow", Values = [30, 40] },
            new() { Target = SweepTargets.StopLoss, Values = [1.5m, 3] },
        ],
        Objective = SweepObjective.TotalReturn,
        MinTrades = 1,
    };

    private async Task<Guid> CreateSweepAsync(int userId)
    {
        var created = await _core.GetRequiredService<SweepService>().CreateAsync(userId, Sweep());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        return created.SweepId!.Value;
    }

    [Fact]
    public async Task A_sweep_point_prefills_that_points_parameters_and_saves_a_bot_that_trades_them()
    {
        var sweepId = await CreateSweepAsync(_userId);
        var expected = SweepPlanner.Plan(Sweep(), long.MaxValue).Plan!.ConfigFor(10);

        var cut = await RenderAtAsync($"/bots/new?fromSweep={sweepId}&point=10");
        var source = cut.Find("#prefill-source");
        Assert.Contains("point #10 of the sweep", source.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/sweeps/{sweepId}", source.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"{StrategyRegistry.EmaCrossRsi.DisplayName} BTCUSDT 1h", Value(cut, "bot-name"));
        // Point 10 = stop[10 % 2] = 1.5, slow[(10 / 2) % 2] = 40, fast[10 / 4] = 13.
        Assert.Equal(("13", "40", "1.5"), (Value(cut, "param-ema_fast"), Value(cut, "param-ema_slow"), Value(cut, "bot-stop-loss")));
        Assert.Equal(expected.StrategyParams.GetProperty("ema_fast").GetDecimal().ToString(CultureInfo.InvariantCulture), Value(cut, "param-ema_fast"));

        await cut.InvokeAsync(() => cut.Find("#bot-save").Click());
        var bots = _core.GetRequiredService<BotService>();
        await Eventually.HoldsAsync(async () => (await bots.ListAsync(_userId)).Count == 1, TimeSpan.FromSeconds(10), "the prefilled bot is saved");
        var saved = await bots.GetAsync(_userId, (await bots.ListAsync(_userId))[0].Id);
        Assert.Equal(13m, saved!.StrategyParams.RootElement.GetProperty("ema_fast").GetDecimal());
        Assert.Equal(40m, saved.StrategyParams.RootElement.GetProperty("ema_slow").GetDecimal());
        var risk = RiskSettings.FromBotConfig(saved, out var errors, expected.Risk.FeeRate, expected.Risk.SlippageBps);
        Assert.Empty(errors);
        Assert.Equal(expected.Risk, risk);
    }

    [Theory]
    [InlineData(true, "0")]
    [InlineData(false, "12")]
    [InlineData(false, "-1")]
    [InlineData(false, null)]
    public async Task Another_users_sweep_or_a_point_it_does_not_have_is_not_found_and_prefills_nothing(bool othersSweep, string? point)
    {
        var sweepId = await CreateSweepAsync(othersSweep ? _otherId : _userId);

        var cut = await RenderAtAsync($"/bots/new?fromSweep={sweepId}" + (point is null ? "" : $"&point={point}"));
        Assert.Contains($"of sweep {sweepId} was not found among your sweeps, so nothing was prefilled", cut.Find("#prefill-missing").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#prefill-source"));
        Assert.Equal("", Value(cut, "bot-name"));
        Assert.Equal(StrategyRegistry.EmaCrossRsi.Description, cut.Find("#strategy-description").TextContent);
    }
}
