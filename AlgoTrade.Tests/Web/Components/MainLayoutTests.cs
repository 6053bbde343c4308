using AlgoTrade.Core.Domain;
using AlgoTrade.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Web.Components;

public class MainLayoutTests : MudBunitContext
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='page-body'>page</p>"))));

    [Fact]
    public void Trader_sees_the_navigation_without_the_admin_link()
    {
        AddAuthorization().SetAuthorized("trader@example.test").SetRoles(UserRoles.Trader);
        var cut = RenderLayout();

        var links = cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/bots", "/backtests", "/sweeps", "/trades", "/candles", "/api-keys", "/notifications"], links);
        Assert.Contains("AlgoTrade", cut.Find(".at-brand").TextContent);
        Assert.Contains("trader@example.test", cut.Find(".at-user-menu").TextContent);
        Assert.NotNull(cut.Find("#page-body"));
    }

    [Fact]
    public void Admin_also_sees_the_admin_link()
    {
        AddAuthorization().SetAuthorized("admin@example.test").SetRoles(UserRoles.Admin);
        var cut = RenderLayout();
        Assert.Equal("/admin", cut.Find("#nav-admin").GetAttribute("href"));
    }

    [Fact]
    public void Theme_toggle_flips_dark_mode_and_remembers_it_in_the_browser()
    {
        AddAuthorization().SetAuthorized("trader@example.test").SetRoles(UserRoles.Trader);
        var setTheme = JSInterop.SetupVoid("algotrade.setTheme", _ => true);
        var cut = RenderLayout();

        cut.Find("#theme-toggle").Click();
        cut.Find("#theme-toggle").Click();
        Assert.Equal(["dark", "light"], setTheme.Invocations.Select(i => (string?)i.Arguments[0]));
    }
}
