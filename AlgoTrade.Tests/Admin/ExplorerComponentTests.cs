using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace AlgoTrade.Tests.Admin;

/// <summary>bUnit: the explorer's filter bar and the page's keyset pager, against the explorer's own seeded database.</summary>
public class ExplorerComponentTests : MudBunitContext, IClassFixture<ExplorerDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private readonly ExplorerDatabase _data;

    public ExplorerComponentTests(ExplorerDatabase data)
    {
        _data = data;
        Services.AddSingleton(data.Query);
        Services.AddSingleton(data.Services.GetRequiredService<AdminLookups>());
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        AddAuthorization().SetAuthorized("admin@example.test").SetRoles(UserRoles.Admin);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private (IRenderedComponent<ActivityLogFilterBar> Cut, List<ActivityLogFilter> Raised) RenderBar(ActivityLogFilter? start = null)
    {
        var raised = new List<ActivityLogFilter>();
        var cut = Render<ActivityLogFilterBar>(p => p
            .Add(b => b.Filter, start ?? ActivityLogFilter.None)
            .Add(b => b.FilterChanged, (ActivityLogFilter f) => raised.Add(f)));
        return (cut, raised);
    }

    [Fact]
    public void A_filter_from_the_address_shows_its_user_and_bot()
    {
        var (cut, raised) = RenderBar(new ActivityLogFilter { UserId = _data.Alice.Id, BotId = _data.AliceEth.Id, Level = ActivityLogLevel.Error });
        cut.WaitForAssertion(() =>
        {
            var inputs = cut.FindAll("input").Select(i => i.GetAttribute("value")).ToList();
            Assert.Contains(_data.Alice.Email, inputs);
            Assert.Contains($"#{_data.AliceEth.Id} Alice ETH (ETHUSDT)", inputs);
        });
        Assert.Contains(ActivityLogLevelText.Error, cut.FindAll("input").Select(i => i.GetAttribute("value")));
        Assert.Empty(raised);
    }

    [Fact]
    public async Task Choosing_a_level_and_a_time_preset_keeps_the_other_fields()
    {
        var (cut, raised) = RenderBar(new ActivityLogFilter { BotId = _data.BobSol.Id });
        cut.WaitForAssertion(() => Assert.Contains($"#{_data.BobSol.Id} Bob SOL (SOLUSDT)", cut.FindAll("input").Select(i => i.GetAttribute("value"))));
        var selects = cut.FindComponents<MudSelect<string>>();

        await cut.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(ActivityLogLevelText.Warning));
        var levelOnly = Assert.Single(raised);
        Assert.Equal((_data.BobSol.Id, (ActivityLogLevel?)ActivityLogLevel.Warning, (DateTime?)null), (levelOnly.BotId, levelOnly.Level, levelOnly.From));

        await cut.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync("24h"));
        Assert.Equal(Now.UtcDateTime.AddHours(-24), raised[^1].From);
        Assert.Equal(ActivityLogLevel.Warning, raised[^1].Level);
        Assert.Empty(raised[^1].Validate());
    }

    [Fact]
    public async Task Text_shorter_than_three_characters_shows_an_error_and_is_not_applied()
    {
        var (cut, raised) = RenderBar();
        var text = cut.FindComponents<MudTextField<string>>().Single();

        await cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("ab"));
        Assert.Empty(raised);
        cut.WaitForAssertion(() => Assert.Contains("Type at least 3 characters", cut.Markup));

        await cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync(" timeout "));
        Assert.Equal("timeout", Assert.Single(raised).Text);
        cut.WaitForAssertion(() => Assert.DoesNotContain("Type at least 3 characters", cut.Markup));
    }

    [Fact]
    public async Task The_explorer_pages_with_keyset_cursors_and_narrows_to_a_bots_errors()
    {
        var cut = Render<ActivityLogExplorer>();
        var all = _data.Expected(_ => true);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.at-log-row").Count));
        Assert.Contains("Page 1", cut.Find("#page-number").TextContent);

        cut.Find("#page-older").Click();
        cut.WaitForAssertion(() => Assert.Contains("Page 2", cut.Find("#page-number").TextContent));
        cut.WaitForAssertion(() => Assert.Contains(FormatTime(all[50]), cut.FindAll("tr.at-log-row")[0].TextContent));
        cut.Find("#page-newer").Click();
        cut.WaitForAssertion(() => Assert.Contains("Page 1", cut.Find("#page-number").TextContent));

        var bar = cut.FindComponent<ActivityLogFilterBar>();
        await cut.InvokeAsync(() => bar.Instance.FilterChanged.InvokeAsync(new ActivityLogFilter { BotId = _data.AliceEth.Id, Level = ActivityLogLevel.Error }));
        var expected = _data.Rows.Count(r => r.BotConfigId == _data.AliceEth.Id && r.LogLevel == ActivityLogLevel.Error);
        cut.WaitForAssertion(() => Assert.Equal(expected, cut.FindAll("tr.at-log-row").Count));
        Assert.All(cut.FindAll("tr.at-log-row"), row =>
        {
            Assert.Contains("at-log-error", row.ClassName);
            Assert.Contains($"#{_data.AliceEth.Id} Alice ETH", row.TextContent);
        });
        cut.WaitForAssertion(() => Assert.True(cut.Find("#page-older").HasAttribute("disabled")));
        Assert.Contains($"bot={_data.AliceEth.Id}", cut.Find("#export-csv").GetAttribute("href"));
        Assert.Contains("level=ERROR", cut.Find("#export-jsonl").GetAttribute("href"));
    }

    private string FormatTime(long id) =>
        _data.Rows.Single(r => r.Id == id).Timestamp.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
