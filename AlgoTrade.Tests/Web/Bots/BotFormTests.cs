using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Sweeps;
using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Bots;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Bots;

/// <summary>The bot form against the real services and database (simulated exchange, so the symbol list is real and offline).</summary>
public class BotFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly RecordingScheduleControl _schedule = new();
    private ServiceProvider _core = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _core = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), _schedule);
        _userId = await BotFixtures.NewUserAsync(_core, "form");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BotService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<SymbolCatalog>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<ApiKeyService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestResultQueries>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<SweepService>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("form@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private IRenderedComponent<BotEdit> RenderNew()
    {
        var cut = _ctx.Render<BotEdit>();
        cut.WaitForAssertion(() => Assert.Contains("trading symbols on simulated", cut.Markup, StringComparison.Ordinal));
        return cut;
    }

    private static string FieldText(IRenderedComponent<BotEdit> cut, string inputId) =>
        cut.Find("#" + inputId).Closest(".mud-input-control")!.TextContent;

    private static void Set(IRenderedComponent<BotEdit> cut, string inputId, string value) => cut.Find("#" + inputId).Change(value);

    // Find and click on the renderer's dispatcher, so a re-render in between cannot swap the button away.
    private static void Save(IRenderedComponent<BotEdit> cut) => cut.InvokeAsync(() => cut.Find("#bot-save").Click()).GetAwaiter().GetResult();

    [Fact]
    public async Task Every_registered_strategy_gets_a_parameter_form_from_its_metadata()
    {
        var cut = RenderNew();
        var select = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Strategy");
        foreach (var strategy in StrategyRegistry.BuiltIn)
        {
            await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(strategy.Type));
            cut.WaitForAssertion(() => Assert.Equal(strategy.Type, cut.Find(".strategy-params").GetAttribute("data-strategy")));
            var inputs = cut.FindAll(".strategy-params input[id^='param-']");
            Assert.Equal(strategy.Parameters.Select(p => "param-" + p.Name), inputs.Select(i => i.Id));
            foreach (var p in strategy.Parameters)
            {
                var input = cut.Find($"#param-{p.Name}");
                var control = input.Closest(".mud-input-control")!.TextContent;
                Assert.Contains(p.Label, control, StringComparison.Ordinal);
                Assert.Contains(p.Help, control, StringComparison.Ordinal);
                Assert.Contains(p.RangeText, control, StringComparison.Ordinal);
                Assert.Equal(p.Default, decimal.Parse(input.GetAttribute("value")!, CultureInfo.InvariantCulture));
            }
            Assert.Contains(strategy.Description, cut.Find("#strategy-description").TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_rule_shows_its_message_on_its_field_and_nothing_is_saved()
    {
        var cut = RenderNew();
        Set(cut, "bot-interval", "2");
        Set(cut, "bot-capital", "0");
        Set(cut, "bot-size-perc", "150");
        Set(cut, "bot-stop-loss", "100");
        Set(cut, "bot-take-profit", "-1");
        Set(cut, "bot-max-duration", "0");
        Set(cut, "bot-daily-target", "-5");
        Set(cut, "bot-daily-loss", "101");
        Set(cut, "param-ema_fast", "1");
        Set(cut, "param-rsi_overbought", "100");
        cut.FindComponents<MudSwitch<bool>>().Single().Find("input").Change(true);
        Set(cut, "bot-trailing", "0");
        Save(cut);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#form-errors")));
        Assert.Contains("Give the bot a name.", FieldText(cut, "bot-name"), StringComparison.Ordinal);
        Assert.Contains("Choose the symbol to trade", FieldText(cut, "bot-symbol"), StringComparison.Ordinal);
        Assert.Contains("between 5 and 86400 seconds (got 2)", FieldText(cut, "bot-interval"), StringComparison.Ordinal);
        Assert.Contains("Initial capital must be greater than 0.", FieldText(cut, "bot-capital"), StringComparison.Ordinal);
        Assert.Contains("at most 100 % of cash (got 150)", FieldText(cut, "bot-size-perc"), StringComparison.Ordinal);
        Assert.Contains("Stop-loss must be greater than 0 and less than 100 % (got 100)", FieldText(cut, "bot-stop-loss"), StringComparison.Ordinal);
        Assert.Contains("Take-profit must be greater than 0 % and at most 1,000 % (got -1)", FieldText(cut, "bot-take-profit"), StringComparison.Ordinal);
        Assert.Contains("at least 1 hour and at most 8,760 hours (a year; got 0)", FieldText(cut, "bot-max-duration"), StringComparison.Ordinal);
        Assert.Contains("Daily target must be greater than 0 % and at most 1,000 % (got -5)", FieldText(cut, "bot-daily-target"), StringComparison.Ordinal);
        Assert.Contains("at most 100 % (got 101)", FieldText(cut, "bot-daily-loss"), StringComparison.Ordinal);
        Assert.Contains("Trailing stop must be greater than 0 and less than 100 % (got 0)", FieldText(cut, "bot-trailing"), StringComparison.Ordinal);
        Assert.Contains("Fast EMA period must be at least 2", FieldText(cut, "param-ema_fast"), StringComparison.Ordinal);
        Assert.Contains("RSI overbought level must be greater than 50 and less than 100 (got 100)", FieldText(cut, "param-rsi_overbought"), StringComparison.Ordinal);
        Assert.Empty(await _core.GetRequiredService<BotService>().ListAsync(_userId));
    }

    [Fact]
    public async Task A_symbol_the_exchange_does_not_trade_is_refused_on_the_symbol_field()
    {
        var cut = RenderNew();
        Set(cut, "bot-name", "ghost");
        var symbol = cut.FindComponent<MudAutocomplete<string>>();
        await cut.InvokeAsync(() => symbol.Instance.ValueChanged.InvokeAsync("FOOBAR"));
        Save(cut);
        cut.WaitForAssertion(() => Assert.Contains("FOOBAR is not a trading symbol on Simulated market.", FieldText(cut, "bot-symbol"), StringComparison.Ordinal));
        Assert.Empty(await _core.GetRequiredService<BotService>().ListAsync(_userId));
    }

    [Fact]
    public async Task The_position_size_toggle_swaps_the_one_field_and_saves_only_that_column()
    {
        var cut = RenderNew();
        Assert.Single(cut.FindAll("#bot-size-perc"));
        Assert.Empty(cut.FindAll("#bot-size-fixed"));

        cut.FindAll("#size-mode button").Single(b => b.TextContent.Contains("Fixed", StringComparison.Ordinal)).Click();
        Assert.Empty(cut.FindAll("#bot-size-perc"));
        Set(cut, "bot-size-fixed", "150");
        Set(cut, "bot-name", "fixed size");
        var symbol = cut.FindComponent<MudAutocomplete<string>>();
        await cut.InvokeAsync(() => symbol.Instance.ValueChanged.InvokeAsync("ETHUSDT"));
        Assert.Contains("Position size (USDT per entry)", cut.Markup, StringComparison.Ordinal);
        Save(cut);

        var bots = _core.GetRequiredService<BotService>();
        await WaitForAsync(async () => (await bots.ListAsync(_userId)).Count == 1);
        var saved = await bots.GetAsync(_userId, (await bots.ListAsync(_userId))[0].Id);
        Assert.Equal((null, 150m), (saved!.Risk.PositionSizePerc, saved.Risk.PositionSizeFixed));
        Assert.Equal("ETHUSDT", saved.Symbol);
    }

    [Fact]
    public async Task Partial_take_profit_rows_add_remove_and_validate_in_percent_of_the_position()
    {
        var cut = RenderNew();
        // MudButton handles clicks asynchronously: wait for each render instead of reading the markup at once.
        for (var rows = 1; rows <= 3; rows++)
        {
            await cut.InvokeAsync(() => cut.Find("#partial-add").Click());
            cut.WaitForAssertion(() => Assert.Equal(rows, cut.FindAll(".partial-row").Count));
        }
        await cut.InvokeAsync(() => cut.FindAll(".partial-remove")[2].Click());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".partial-row").Count));

        Set(cut, "partial-0-percentage", "3");
        Set(cut, "partial-0-share", "80");
        Set(cut, "partial-1-percentage", "6");
        Set(cut, "partial-1-share", "30");
        Assert.Contains("Levels sell 110 % in total", cut.Find("#partial-sum").TextContent, StringComparison.Ordinal);
        Save(cut);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".partial-error")));
        var errors = cut.FindAll(".partial-error");
        Assert.Contains(errors, e => e.GetAttribute("data-index") == "1" && e.TextContent.Contains("percentage 6 must be below the take-profit of 5 %", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetAttribute("data-index") is null && e.TextContent.Contains("add up to 1.1 (110 %)", StringComparison.Ordinal));

        // After the first save the messages follow the edits.
        Set(cut, "partial-1-percentage", "4");
        Set(cut, "partial-1-share", "20");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".partial-error")));

        Set(cut, "partial-1-percentage", "2");
        cut.WaitForAssertion(() => Assert.Contains("increasing order", cut.Find(".partial-error").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_preview_shows_where_each_rule_fires_for_a_known_entry()
    {
        var cut = RenderNew();
        Set(cut, "preview-entry", "100");
        Set(cut, "bot-stop-loss", "2");
        Set(cut, "bot-take-profit", "5");
        // MudButton renders its click asynchronously: wait for the row before typing into it.
        await cut.InvokeAsync(() => cut.Find("#partial-add").Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".partial-row")));
        Set(cut, "partial-0-percentage", "2");
        Set(cut, "partial-0-share", "50");
        cut.FindComponents<MudSwitch<bool>>().Single().Find("input").Change(true);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#bot-trailing")));
        Set(cut, "bot-trailing", "1.5");

        cut.WaitForAssertion(() => Assert.Equal(
        [
            ("TakeProfit", "105.00", "+5 %", "50 %"),
            ("PartialTakeProfit", "102.00", "+2 %", "50 %"),
            ("Entry", "100.00", "0 %", "—"),
            ("TrailingStop", "98.50", "−1.5 %", "100 %"),
            ("StopLoss", "98.00", "−2 %", "100 %"),
        ], cut.FindAll(".preview-row").Select(r => (
            Kind: r.GetAttribute("data-kind"),
            Price: r.QuerySelector(".preview-price")!.TextContent,
            Change: r.QuerySelector(".preview-change")!.TextContent,
            Sells: r.QuerySelector(".preview-sells")!.TextContent)).ToList()));
    }

    [Fact]
    public async Task The_edit_form_shows_saved_numbers_without_the_columns_trailing_zeros()
    {
        var draft = BotFixtures.Draft("five thousand");
        draft.Risk = draft.Risk with { InitialCapital = 5000 };
        var bot = (await _core.GetRequiredService<BotService>().CreateAsync(_userId, draft)).Bot!;
        var cut = _ctx.Render<BotEdit>(p => p.Add(e => e.Id, bot.Id));
        cut.WaitForAssertion(() => Assert.Contains("Edit five thousand", cut.Find("#bot-form-title").TextContent, StringComparison.Ordinal));

        Assert.Equal("5000", cut.Find("#bot-capital").GetAttribute("value"));
        Assert.Equal("25", cut.Find("#bot-size-perc").GetAttribute("value"));
        Assert.Equal("2", cut.Find("#bot-stop-loss").GetAttribute("value"));
        Assert.Equal("1.5", cut.Find("#bot-trailing").GetAttribute("value"));
        Assert.Equal("2", cut.Find("#partial-0-percentage").GetAttribute("value"));
        Assert.Equal("50", cut.Find("#partial-0-share").GetAttribute("value"));
        Assert.Equal("9", cut.Find("#param-ema_fast").GetAttribute("value"));
    }

    [Fact]
    public async Task Custom_rules_are_refused_at_their_field_when_bad_then_saved_as_a_document_the_edit_form_reads_back()
    {
        var cut = RenderNew();
        var select = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Strategy");
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(RuleStrategy.TypeName));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#rule-editor")));
        Assert.Empty(cut.FindAll(".strategy-params"));
        Set(cut, "bot-name", "my rules");
        var symbol = cut.FindComponent<MudAutocomplete<string>>();
        await cut.InvokeAsync(() => symbol.Instance.ValueChanged.InvokeAsync("BTCUSDT"));

        Set(cut, "rule-entry-all-0-left-period", "1");
        Save(cut);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#form-errors")));
        Assert.Contains("Period must be at least 2 and at most 1000 (got 1).", FieldText(cut, "rule-entry-all-0-left-period"), StringComparison.Ordinal);
        Assert.Contains(cut.FindAll(".form-problem"), li => li.TextContent.Contains("Period must be at least 2", StringComparison.Ordinal));
        Assert.Contains("Entry › condition 1 › left side › period", cut.Find("#rule-problems").TextContent, StringComparison.Ordinal);
        var bots = _core.GetRequiredService<BotService>();
        Assert.Empty(await bots.ListAsync(_userId));

        // After the first save the messages follow the edits.
        Set(cut, "rule-entry-all-0-left-period", "5");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#rule-problems")));
        Save(cut);
        await WaitForAsync(async () => (await bots.ListAsync(_userId)).Count == 1);
        var saved = await bots.GetAsync(_userId, (await bots.ListAsync(_userId))[0].Id);
        Assert.Equal(RuleStrategy.TypeName, saved!.StrategyType);
        var read = RuleDocumentReader.Read(saved.StrategyParams.RootElement);
        const string sentence = "Enter when EMA(5) crosses above EMA(26) and RSI(14) < 70. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.";
        Assert.Equal(sentence, RuleDescriber.Describe(read.Document!));

        var edit = _ctx.Render<BotEdit>(p => p.Add(e => e.Id, saved.Id));
        edit.WaitForAssertion(() => Assert.Equal(sentence, edit.Find("#rule-preview").TextContent));
        Assert.Equal("5", edit.Find("#rule-entry-all-0-left-period").GetAttribute("value"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
