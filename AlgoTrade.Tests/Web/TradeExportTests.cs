using System.Net;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Web;

/// <summary>GET /trades/export.csv on the real app: authorization, user scoping, filters and CSV escaping.</summary>
public class TradeExportTests : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() => _app = await AlgoTradeWebFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Email, int Id)> NewUserAsync()
    {
        var email = TestUsers.NewEmail("csv");
        var user = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!;
        return (email, user.Id);
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_login()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/trades/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_only_the_users_filtered_trades_with_escaped_fields()
    {
        var (email, userId) = await NewUserAsync();
        var (_, otherId) = await NewUserAsync();
        var bots = _app.Services.GetRequiredService<BotService>();
        var tricky = (await bots.CreateAsync(userId, BotFixtures.Draft("=cmd, \"quoted\" bot"))).Bot!.Id;
        var plain = (await bots.CreateAsync(userId, BotFixtures.Draft("plain"))).Bot!.Id;
        var foreign = (await bots.CreateAsync(otherId, BotFixtures.Draft("foreign"))).Bot!.Id;
        var t0 = new DateTime(2026, 4, 1, 12, 0, 0, DateTimeKind.Utc);
        var buy = await BotFixtures.AddTradeAsync(userId, tricky, t0, OrderSide.Buy, price: 100, commission: 0.1m);
        var sell = await BotFixtures.AddTradeAsync(userId, tricky, t0.AddHours(1), OrderSide.Sell, price: 102.5m, pnl: -0.25m, commission: 0.1025m, exitReason: "stop_loss");
        await BotFixtures.AddTradeAsync(userId, plain, t0, OrderSide.Buy);
        await BotFixtures.AddTradeAsync(otherId, foreign, t0, OrderSide.Buy);

        using var client = _app.CreateBrowserLikeClient();
        await FormLogin.LoginAsync(client, email, TestUsers.Password);
        var response = await client.GetAsync($"/trades/export.csv?bot={tricky}&from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "id,timestamp_utc,bot_id,bot_name,symbol,side,order_type,price,quantity,quote_quantity,commission,commission_asset,pnl,entry_reason,exit_reason,exchange_order_id",
            $"{buy.Id},2026-04-01T12:00:00.000Z,{tricky},\"'=cmd, \"\"quoted\"\" bot\",BTCUSDT,BUY,MARKET,100,1,100,0.1,USDT,,signal,,",
            $"{sell.Id},2026-04-01T13:00:00.000Z,{tricky},\"'=cmd, \"\"quoted\"\" bot\",BTCUSDT,SELL,MARKET,102.5,1,102.5,0.1025,USDT,-0.25,,stop_loss,",
        ], lines);

        // Without filters: all three of the user's trades, none of the other user's; a foreign bot id yields only the header.
        var all = (await client.GetStringAsync("/trades/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, all.Length);
        Assert.DoesNotContain(all, l => l.Contains("foreign", StringComparison.Ordinal));
        var stolen = (await client.GetStringAsync($"/trades/export.csv?bot={foreign}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(stolen);
    }
}
