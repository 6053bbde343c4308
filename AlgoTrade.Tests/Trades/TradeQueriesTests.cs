using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trades;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Trades;

/// <summary>Trade history queries on the real database: scoping, filters, sorting, paging and totals.</summary>
public class TradeQueriesTests : IAsyncLifetime
{
    private static readonly DateTime Day = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private ServiceProvider _services = default!;
    private TradeQueries _trades = default!;
    private int _user;
    private int _other;
    private int _botA;
    private int _botB;

    public async Task InitializeAsync()
    {
        _services = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), new RecordingScheduleControl());
        _trades = _services.GetRequiredService<TradeQueries>();
        var bots = _services.GetRequiredService<BotService>();
        _user = await BotFixtures.NewUserAsync(_services, "trades");
        _other = await BotFixtures.NewUserAsync(_services, "other");
        _botA = (await bots.CreateAsync(_user, BotFixtures.Draft("A"))).Bot!.Id;
        _botB = (await bots.CreateAsync(_user, BotFixtures.Draft("B"))).Bot!.Id;
        var foreign = (await bots.CreateAsync(_other, BotFixtures.Draft("foreign"))).Bot!.Id;

        // Bot A: two round trips on BTC; bot B: one ETH round trip; the other user: one trade that must never show.
        await BotFixtures.AddTradeAsync(_user, _botA, Day.AddHours(1), OrderSide.Buy, price: 100, commission: 0.1m);
        await BotFixtures.AddTradeAsync(_user, _botA, Day.AddHours(2), OrderSide.Sell, price: 105, pnl: 4.8m, commission: 0.105m, exitReason: "take_profit");
        await BotFixtures.AddTradeAsync(_user, _botA, Day.AddDays(1).AddHours(1), OrderSide.Buy, price: 104, commission: 0.104m);
        await BotFixtures.AddTradeAsync(_user, _botA, Day.AddDays(1).AddHours(3), OrderSide.Sell, price: 101.92m, pnl: -2.3m, commission: 0.1m, exitReason: "stop_loss");
        await BotFixtures.AddTradeAsync(_user, _botB, Day.AddHours(5), OrderSide.Buy, symbol: "ETHUSDT", price: 3000, quantity: 0.1m, commission: 0.3m);
        await BotFixtures.AddTradeAsync(_user, _botB, Day.AddHours(6), OrderSide.Sell, symbol: "ETHUSDT", price: 3100, quantity: 0.1m, pnl: 9.4m, commission: 0.31m);
        await BotFixtures.AddTradeAsync(_other, foreign, Day.AddHours(1), OrderSide.Sell, pnl: 1000, commission: 50);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Totals_cover_only_the_users_trades_under_the_filter()
    {
        Assert.Equal(new TradeTotals(6, 11.9m, 1.019m), await _trades.TotalsAsync(_user, new TradeFilter()));
        Assert.Equal(new TradeTotals(4, 2.5m, 0.409m), await _trades.TotalsAsync(_user, new TradeFilter(BotId: _botA)));
        Assert.Equal(new TradeTotals(0, 0, 0), await _trades.TotalsAsync(_user, new TradeFilter(Symbol: "DOGEUSDT")));
        Assert.Equal(1, (await _trades.TotalsAsync(_other, new TradeFilter())).Count);
    }

    [Fact]
    public async Task Filters_by_bot_symbol_side_reason_and_date_range()
    {
        async Task<int[]> Ids(TradeFilter f) =>
            (await _trades.PageAsync(_user, f, TradeSortField.Timestamp, false, 0, 100)).Items.Select(t => (int)t.Price).ToArray();

        Assert.Equal(new[] { 3000, 3100 }, await Ids(new TradeFilter(Symbol: "ethusdt")));
        // Part of a symbol, in any case, as a trader types it into the filter.
        Assert.Equal(new[] { 3000, 3100 }, await Ids(new TradeFilter(Symbol: "eth")));
        Assert.Equal(new[] { 3000, 3100 }, await Ids(new TradeFilter(Symbol: " Eth ")));
        Assert.Equal(6, (await Ids(new TradeFilter(Symbol: "usdt"))).Length);
        Assert.Equal(new TradeTotals(2, 9.4m, 0.61m), await _trades.TotalsAsync(_user, new TradeFilter(Symbol: "eth")));
        Assert.Empty(await Ids(new TradeFilter(Symbol: "%")));
        Assert.Equal(new[] { 105, 3100, 101 }, await Ids(new TradeFilter(Side: "sell")));
        Assert.Equal(new[] { 101 }, await Ids(new TradeFilter(Reason: "stop_loss")));
        // Entry reasons match too: every buy was a signal, and so was bot B's sell.
        Assert.Equal(new[] { 100, 3000, 3100, 104 }, await Ids(new TradeFilter(Reason: "signal")));
        Assert.Equal(new[] { 100, 105, 3000, 3100 }, await Ids(new TradeFilter(FromUtc: Day, ToUtc: Day.AddDays(1))));
        Assert.Equal(new[] { 104, 101 }, await Ids(new TradeFilter(BotId: _botA, FromUtc: Day.AddDays(1))));
        // Another user's bot id filters down to nothing rather than revealing their trades.
        Assert.Empty((await _trades.PageAsync(_other, new TradeFilter(BotId: _botA), TradeSortField.Timestamp, true, 0, 100)).Items);
    }

    [Fact]
    public async Task Pages_are_sorted_on_the_server_and_count_the_whole_set()
    {
        var first = await _trades.PageAsync(_user, new TradeFilter(), TradeSortField.Pnl, true, 0, 3);
        var second = await _trades.PageAsync(_user, new TradeFilter(), TradeSortField.Pnl, true, 3, 3);
        Assert.Equal((6, 6), (first.TotalCount, second.TotalCount));
        // PostgreSQL puts NULLs (the buys) first when descending.
        Assert.All(first.Items, t => Assert.Null(t.Pnl));
        Assert.Equal([9.4m, 4.8m, -2.3m], second.Items.Select(t => t.Pnl!.Value));
        Assert.Empty((await _trades.PageAsync(_user, new TradeFilter(), TradeSortField.Pnl, true, 6, 3)).Items);

        var byPrice = await _trades.PageAsync(_user, new TradeFilter(), TradeSortField.Price, false, 0, 3);
        Assert.Equal([100m, 101.92m, 104m], byPrice.Items.Select(t => t.Price));
        var newest = await _trades.PageAsync(_user, new TradeFilter(), TradeSortField.Timestamp, true, 0, 1);
        Assert.Equal(Day.AddDays(1).AddHours(3), newest.Items.Single().Timestamp);
        Assert.Equal("A", newest.Items.Single().BotName);
    }

    [Fact]
    public async Task The_stream_yields_oldest_first_and_the_reasons_list_is_the_users()
    {
        var streamed = new List<TradeRow>();
        await foreach (var row in _trades.StreamAsync(_user, new TradeFilter(BotId: _botA)))
            streamed.Add(row);
        Assert.Equal([100m, 105m, 104m, 101.92m], streamed.Select(r => r.Price));
        Assert.Equal(["signal", "stop_loss", "take_profit"], await _trades.ReasonsAsync(_user));
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formula_like_text_is_defused()
    {
        Assert.Equal("plain", TradeCsv.Escape("plain"));
        Assert.Equal("\"a,b\"", TradeCsv.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", TradeCsv.Escape("say \"hi\""));
        Assert.Equal("\"two\nlines\"", TradeCsv.Escape("two\nlines"));
        Assert.Equal("'=HYPERLINK(1)", TradeCsv.Escape("=HYPERLINK(1)"));
        Assert.Equal("\"'=SUM(A1,A2)\"", TradeCsv.Escape("=SUM(A1,A2)"));
        Assert.Equal("", TradeCsv.Escape(null));
    }
}
