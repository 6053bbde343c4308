using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Backtests;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Backtests;

/// <summary>The backtest form against the real services and database: messages on their fields, nothing queued, nothing lost.</summary>
public class BacktestFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
        }, BotFixtures.OfflineBinance);
        _userId = await BotFixtures.NewUserAsync(_core, "btform");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestJobService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<BotService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<SymbolCatalog>());
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("btform@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private IRenderedComponent<BacktestNew> RenderNew(string path = "/backtests/new")
    {
        _ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(path);
        var cut = _ctx.Render<BacktestNew>();
        cut.WaitForAssertion(() => Assert.Contains("trading symbols on simulated", cut.Markup, StringComparison.Ordinal));
        return cut;
    }

    private IRenderedComponent<BacktestNew> RenderAt(string path)
    {
        _ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(path);
        return _ctx.Render<BacktestNew>();
    }

    private static string FieldText(IRenderedComponent<BacktestNew> cut, string inputId) =>
        cut.Find("#" + inputId).Closest(".mud-input-control")!.TextContent;

    private static string? DateValue(IRenderedComponent<BacktestNew> cut, string id) =>
        cut.Find("#" + id).Closest(".mud-input-control")!.QuerySelector("input")!.GetAttribute("value");

    private static void Set(IRenderedComponent<BacktestNew> cut, string inputId, string value) => cut.Find("#" + inputId).Change(value);

    [Fact]
    public async Task Each_problem_shows_on_its_field_nothing_is_queued_and_the_values_stay()
    {
        var cut = RenderNew();
        Set(cut, "bot-capital", "0");
        Set(cut, "bot-stop-loss", "100");
        Set(cut, "param-ema_fast", "40");
        Set(cut, "backtest-fee", "");
        Set(cut, "backtest-slippage", "-3");
        var timeframe = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Timeframe (candle length)");
        await cut.InvokeAsync(() => timeframe.Instance.ValueChanged.InvokeAsync("1m"));
        cut.Find("#backtest-run").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#form-errors")));
        Assert.Contains("Initial capital must be greater than 0.", FieldText(cut, "bot-capital"), StringComparison.Ordinal);
        Assert.Contains("Stop-loss must be greater than 0 and less than 100 % (got 100)", FieldText(cut, "bot-stop-loss"), StringComparison.Ordinal);
        Assert.Contains("Fast EMA period must be smaller than the slow EMA period.", FieldText(cut, "param-ema_fast"), StringComparison.Ordinal);
        Assert.Contains("Fee is required; 0 for none.", FieldText(cut, "backtest-fee"), StringComparison.Ordinal);
        Assert.Contains("(got -3)", FieldText(cut, "backtest-slippage"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".unplaced-error"));
        Assert.Equal(0, (await _core.GetRequiredService<BacktestJobService>().ListAsync(_userId, 0, 10)).Total);
        Assert.Equal("100", cut.Find("#bot-stop-loss").GetAttribute("value"));
        Assert.Equal("40", cut.Find("#param-ema_fast").GetAttribute("value"));

        // Valid values but 200 days of 1m candles: the service refuses the period on the first-day field.
        var from = cut.FindComponents<MudDatePicker>().Single(d => d.Instance.Label == "First day (UTC)");
        await cut.InvokeAsync(() => from.Instance.DateChanged.InvokeAsync(DateTime.UtcNow.Date.AddDays(-200)));
        Set(cut, "bot-capital", "1000");
        Set(cut, "bot-stop-loss", "2");
        Set(cut, "param-ema_fast", "12");
        Set(cut, "backtest-fee", "0.1");
        Set(cut, "backtest-slippage", "0");
        cut.Find("#backtest-run").Click();
        cut.WaitForAssertion(() => Assert.Contains("at most 200,000 per backtest", FieldText(cut, "backtest-from"), StringComparison.Ordinal));
        Assert.Equal(0, (await _core.GetRequiredService<BacktestJobService>().ListAsync(_userId, 0, 10)).Total);
    }

    [Fact]
    public async Task Custom_rules_that_do_not_read_are_refused_at_their_place_and_nothing_is_queued()
    {
        var cut = RenderNew();
        var strategy = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Strategy");
        await cut.InvokeAsync(() => strategy.Instance.ValueChanged.InvokeAsync(AlgoTrade.Core.Strategies.Rules.RuleStrategy.TypeName));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#rule-editor")));

        Set(cut, "rule-exit-any-1-right", "-2000000000000");
        cut.Find("#backtest-run").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#form-errors")));
        Assert.Contains("Numbers must be between", FieldText(cut, "rule-exit-any-1-right"), StringComparison.Ordinal);
        Assert.Contains("Exit › condition 2 › right side", cut.Find("#rule-problems").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".unplaced-error"));

        // JSON that is not JSON at all never reaches the validator: the reader's message stops the run.
        await cut.InvokeAsync(() => cut.Find("#rule-view-json").Click());
        Set(cut, "rule-json", "{\"version\": 1,");
        cut.Find("#backtest-run").Click();
        cut.WaitForAssertion(() => Assert.Contains("Not valid JSON", cut.Find("#rule-editor").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, (await _core.GetRequiredService<BacktestJobService>().ListAsync(_userId, 0, 10)).Total);
    }

    [Fact]
    public async Task Uploading_needs_a_file_and_a_bot_of_someone_else_is_not_found()
    {
        var cut = RenderNew();
        var source = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Candles from");
        await cut.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync(BacktestFormModel.UploadSource));
        cut.Find("#backtest-run").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose a CSV file of candles.", cut.Find(".field-error[data-field='data']").TextContent, StringComparison.Ordinal));

        var other = await BotFixtures.NewUserAsync(_core, "btform-other");
        var bot = (await _core.GetRequiredService<BotService>().CreateAsync(other, BotFixtures.Draft("not yours"))).Bot!;
        var page = RenderAt($"/backtests/new?botId={bot.Id}");
        Assert.DoesNotContain("not yours", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#backtest-form"));
    }

    [Fact]
    public async Task An_uploaded_file_sets_the_period_and_timeframe_and_an_empty_one_is_called_empty()
    {
        var cut = RenderNew();
        var source = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Candles from");
        await cut.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync(BacktestFormModel.UploadSource));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("", "empty.csv"));
        cut.WaitForAssertion(() => Assert.Contains("empty.csv", cut.Find("#backtest-file-name").TextContent, StringComparison.Ordinal));
        cut.Find("#backtest-run").Click();
        cut.WaitForAssertion(() => Assert.Contains("empty.csv is empty: it holds no candles.", cut.Find(".field-error[data-field='data']").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Choose a CSV file", cut.Markup, StringComparison.Ordinal);

        // Four days of 2024 hourly candles, far outside the form's default last-90-days period.
        var csv = new System.Text.StringBuilder("datetime,open,high,low,close,volume\n");
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var h = 0; h < 96; h++)
        {
            var price = 100 + 5 * Math.Sin(h / 5.0);
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddHours(h):yyyy-MM-dd HH:mm:ss},{price:0.00},{price + 1:0.00},{price - 1:0.00},{price + 0.5:0.00},10\n");
        }
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText(csv.ToString(), "btc-2024.csv"));
        cut.WaitForAssertion(() => Assert.Equal("2024-03-01", DateValue(cut, "backtest-from")));
        Assert.Equal("2024-03-04", DateValue(cut, "backtest-to"));
        Assert.Contains("1h", cut.Find("#backtest-timeframe").Closest(".mud-input-control")!.InnerHtml, StringComparison.Ordinal);

        cut.Find("#backtest-run").Click();
        var jobs = _core.GetRequiredService<BacktestJobService>();
        for (var i = 0; i < 50 && (await jobs.ListAsync(_userId, 0, 10)).Total == 0; i++) await Task.Delay(100);
        Assert.Equal(1, (await jobs.ListAsync(_userId, 0, 10)).Total);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_on_its_field_and_nothing_is_queued()
    {
        var cut = RenderNew();
        var source = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Candles from");
        await cut.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync(BacktestFormModel.UploadSource));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[41 * 1024 * 1024], "huge.csv"));

        cut.WaitForAssertion(() => Assert.Contains("huge.csv is larger than 40 MB.", cut.Find(".field-error[data-field='data']").TextContent, StringComparison.Ordinal));
        Assert.Contains("No file yet.", cut.Find("#backtest-file-name").TextContent, StringComparison.Ordinal);
        cut.Find("#backtest-run").Click();
        await Task.Delay(300);
        Assert.Equal(0, (await _core.GetRequiredService<BacktestJobService>().ListAsync(_userId, 0, 10)).Total);
    }

    [Fact]
    public async Task A_bot_of_mine_prefills_the_form()
    {
        var bot = (await _core.GetRequiredService<BotService>().CreateAsync(_userId, BotFixtures.Draft("prefill me"))).Bot!;
        var cut = RenderAt($"/backtests/new?botId={bot.Id}");
        cut.WaitForAssertion(() => Assert.Contains("Backtest prefill me", cut.Find("#backtest-form-title").TextContent, StringComparison.Ordinal));
        Assert.Equal("9", cut.Find("#param-ema_fast").GetAttribute("value"));
        // The columns are numeric(30,12); the form shows the number as typed, not 1000.000000000000.
        Assert.Equal("1000", cut.Find("#bot-capital").GetAttribute("value"));
        Assert.Equal("1.5", cut.Find("#bot-trailing").GetAttribute("value"));
        Assert.Equal("50", cut.Find("#partial-0-share").GetAttribute("value"));
        Assert.Equal("BTCUSDT", cut.Find("#backtest-symbol").GetAttribute("value"));
        Assert.Contains("15m", cut.Find("#backtest-timeframe").Closest(".mud-input-control")!.InnerHtml, StringComparison.Ordinal);
    }
}
