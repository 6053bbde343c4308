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

    private async Task<IRenderedComponent<BotEdit>> RenderFromAsync(Guid jobId)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/bots/new?fromBacktest={jobId}");
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
}
