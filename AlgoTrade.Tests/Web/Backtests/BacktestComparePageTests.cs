using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Backtesting.Comparison;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Backtesting.Comparison;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Backtests;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Backtests;

/// <summary>The compare page against the real query service and database.</summary>
public class BacktestComparePageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private int _userId;
    private int _otherUserId;

    public async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync());
        _userId = await BotFixtures.NewUserAsync(_core, "btcompare");
        _otherUserId = await BotFixtures.NewUserAsync(_core, "btcompare-other");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<BacktestComparisonQueries>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("btcompare@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    private IRenderedComponent<BacktestCompare> Open(params object[] ids)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/backtests/compare?ids={string.Join(',', ids)}");
        return _ctx.Render<BacktestCompare>();
    }

    [Fact]
    public async Task Best_values_and_differing_config_rows_are_highlighted_and_the_curves_overlaid()
    {
        var (a, resultA) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _userId, positionSize: 10);
        var (b, resultB) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _userId, positionSize: 80);

        var cut = Open(a, b);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#compare-metrics .metric-row")), TimeSpan.FromSeconds(10));

        var returnRow = cut.Find("#compare-metrics .metric-row[data-metric='Total return']");
        var bestReturn = resultA.Summary.TotalReturnPct > resultB.Summary.TotalReturnPct ? "0" : "1";
        Assert.Equal([bestReturn], returnRow.QuerySelectorAll(".metric-best").Select(c => c.GetAttribute("data-run")));
        Assert.Contains(BacktestFormat.Pct(resultA.Summary.TotalReturnPct), returnRow.QuerySelectorAll(".metric-value")[0].TextContent, StringComparison.Ordinal);
        var drawdownRow = cut.Find("#compare-metrics .metric-row[data-metric='Max drawdown']");
        var bestDrawdown = resultA.Summary.MaxDrawdownPct < resultB.Summary.MaxDrawdownPct ? "0" : "1";
        Assert.Equal([bestDrawdown], drawdownRow.QuerySelectorAll(".metric-best").Select(c => c.GetAttribute("data-run")));
        Assert.Contains("lower is better", drawdownRow.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#compare-metrics .metric-row[data-metric='Trades'] .metric-best"));

        Assert.Equal(["Position size %"], cut.FindAll("#compare-config .config-differs").Select(r => r.GetAttribute("data-key")));
        Assert.True(cut.FindAll("#compare-config .config-row").Count > 10);
        cut.Find("#compare-only-differences input, input#compare-only-differences").Change(true);
        cut.WaitForAssertion(() => Assert.Equal(["Position size %"], cut.FindAll("#compare-config .config-row").Select(r => r.GetAttribute("data-key"))),
            TimeSpan.FromSeconds(5));

        Assert.Single(cut.FindAll("#chart-compare-equity"));
        Assert.Empty(cut.FindAll("#compare-equity-missing"));
        var draw = Assert.Single(_ctx.JSInterop.Invocations, i => i.Identifier == "createLinesChart");
        Assert.Equal("compare-equity", draw.Arguments[1]);
    }

    [Fact]
    public async Task A_run_without_stored_charts_says_so()
    {
        var (a, _) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _userId, positionSize: 10);
        var (old, _) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _userId, positionSize: 20, withCharts: false);

        var cut = Open(a, old);
        cut.WaitForAssertion(() => Assert.Contains("Run 2 was stored before result charts existed", cut.Find("#compare-equity-missing").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Single(cut.FindAll("#chart-compare-equity"));
    }

    [Fact]
    public async Task Bad_selections_show_a_message_and_nothing_else()
    {
        var (mine, _) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _userId, positionSize: 10);
        var (theirs, _) = await BacktestComparisonQueriesTests.SaveRunAsync(_core, _otherUserId, positionSize: 50);

        void ShowsOnly(IRenderedComponent<BacktestCompare> cut, string message)
        {
            cut.WaitForAssertion(() => Assert.Contains(message, cut.Find("#compare-error").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.Empty(cut.FindAll("#compare-metrics"));
            Assert.Empty(cut.FindAll("#compare-config"));
            Assert.DoesNotContain(theirs.ToString(), cut.Markup, StringComparison.Ordinal);
        }

        ShowsOnly(Open(mine), "Pick at least 2 completed runs");
        ShowsOnly(Open(Enumerable.Range(0, 7).Select(_ => (object)Guid.CreateVersion7()).ToArray()), "Compare at most 6 runs");
        ShowsOnly(Open(mine, theirs), "One of the runs you picked does not exist");
        var running = await BacktestJobRows.SaveAsync(_core, _userId, BacktestResultQueriesTests.SampleConfig("SOLUSDT"), status: BacktestJobStatus.Running);
        ShowsOnly(Open(mine, running), "is running; only completed runs can be compared");
        ShowsOnly(Open(mine, "not-a-guid"), "\"not-a-guid\" is not a backtest id");
    }
}
