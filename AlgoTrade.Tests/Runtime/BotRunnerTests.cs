using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Runtime;

public class BotRunnerTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Ticks once per simulated minute, right at each candle boundary, until <paramref name="until"/> holds.</summary>
    private static async Task<int> TickUntilAsync(RuntimeHarness h, int botId, Func<Task<bool>> until, int maxMinutes = 600)
    {
        for (var minute = 1; minute <= maxMinutes; minute++)
        {
            h.Clock.Set(T0.AddMinutes(minute));
            await h.Runner.TickAsync(botId, CancellationToken.None);
            if (await until()) return minute;
        }
        throw new Xunit.Sdk.XunitException($"Condition not met within {maxMinutes} simulated minutes.");
    }

    [Fact]
    public async Task First_tick_warms_up_then_a_signal_trade_commits_with_consistent_state_logs_and_events()
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (userId, botId) = await h.CreateBotAsync();

        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));
        var warmed = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(T0.AddMinutes(-1), warmed.LastCandleOpenTime);
        Assert.False(warmed.InPosition);
        Assert.Empty(await RuntimeHarness.TradesAsync(botId));
        Assert.Contains(await RuntimeHarness.LogsAsync(botId), l => l.Message.StartsWith("Started: indicators warmed up on 500 closed 1m candles", StringComparison.Ordinal));

        await TickUntilAsync(h, botId, async () => (await RuntimeHarness.TradesAsync(botId)).Count > 0);

        var trade = Assert.Single(await RuntimeHarness.TradesAsync(botId));
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(OrderSide.Buy, trade.Side);
        Assert.Equal("signal", trade.EntryReason);
        Assert.Equal(userId, trade.UserId);
        Assert.Equal("at" + botId + "-1", trade.ClientOrderId);
        Assert.True(state.InPosition);
        Assert.Equal(trade.Price, state.EntryPrice!.Value, 8);
        Assert.Equal(trade.QuantityFilled, state.CurrentPositionSizeCoins);
        Assert.Equal(Math.Round(trade.Price * 0.996m, 6), Math.Round(state.StopLossPrice!.Value, 6));
        Assert.Equal(Math.Round(trade.Price * 1.008m, 6), Math.Round(state.TakeProfitPrice!.Value, 6));
        Assert.Equal(1, state.DailyTradesCount);
        Assert.Equal(1, state.OrderSequence);
        Assert.Null(state.PendingOrders);
        // Half the capital, less the fee, at the fill price.
        Assert.InRange(trade.QuoteQuantityFilled, 4_999m, 5_000m);
        Assert.InRange(trade.CommissionAmount - trade.QuoteQuantityFilled * 0.001m, -0.00000001m, 0.00000001m);

        var logs = await RuntimeHarness.LogsAsync(botId);
        Assert.Contains(logs, l => l.LogLevel == ActivityLogLevel.Info && l.Message.StartsWith("Entry signal", StringComparison.Ordinal));
        var bought = Assert.Single(logs, l => l.Message.StartsWith("Bought", StringComparison.Ordinal));
        Assert.Equal(trade.ClientOrderId, bought.Details!.RootElement.GetProperty("client_order_id").GetString());

        lock (h.Events)
        {
            Assert.Contains(h.Events, e => e is TradeExecuted t && t.BotId == botId && t.TradeId == trade.Id);
            Assert.Contains(h.Events, e => e is BotStateChanged s && s.BotId == botId && s.UserId == userId);
        }
    }

    [Fact]
    public async Task A_crash_after_the_exchange_filled_an_order_is_reconciled_without_a_second_order()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner) { CrashAfterPlacingOrders = 1 });
        var (_, botId) = await h.CreateBotAsync();
        await h.Runner.TickAsync(botId, CancellationToken.None);

        // Tick until the first order goes out and the process "crashes" before committing.
        await TickUntilAsync(h, botId, () => Task.FromResult(faults!.OrdersPlaced > 0));
        Assert.Empty(await RuntimeHarness.TradesAsync(botId));
        var crashed = await RuntimeHarness.StateAsync(botId);
        Assert.NotNull(crashed.PendingOrders);
        Assert.Equal(1, crashed.OrderSequence);

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));

        Assert.Equal(1, faults!.OrdersPlaced);
        var trade = Assert.Single(await RuntimeHarness.TradesAsync(botId));
        Assert.Equal("at" + botId + "-1", trade.ClientOrderId);
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.True(state.InPosition);
        Assert.Null(state.PendingOrders);
        Assert.Equal(trade.QuantityFilled, state.CurrentPositionSizeCoins);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(1, await db.PaperOrders.CountAsync(o => o.BotConfigId == botId));
        Assert.Contains(await RuntimeHarness.LogsAsync(botId), l => l.Message.Contains("had been filled before the last tick could record it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_not_found_within_the_exchanges_receive_window_is_looked_up_again_and_never_decided_twice()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner)
        {
            HoldOrders = 1,
            InFlightWindow = TimeSpan.FromSeconds(6),
        });
        var (_, botId) = await h.CreateBotAsync();
        await h.Runner.TickAsync(botId, CancellationToken.None);
        await TickUntilAsync(h, botId, () => Task.FromResult(faults!.OrdersHeld > 0));
        Assert.NotNull((await RuntimeHarness.StateAsync(botId)).PendingOrders);

        // 2 s later the order has not reached the exchange yet: "not found" is not final within the window.
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TickOutcome.FailedTransient, await h.Runner.TickAsync(botId, CancellationToken.None));
        var waiting = await RuntimeHarness.StateAsync(botId);
        Assert.NotNull(waiting.PendingOrders);
        Assert.Equal(1, waiting.OrderSequence);
        Assert.Equal(0, faults!.OrdersPlaced);
        Assert.Empty(await RuntimeHarness.TradesAsync(botId));

        // The original executes late; the next tick books it: one order, one trade, under the first id.
        await faults.ReleaseHeldOrdersAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));
        Assert.Equal(1, faults.OrdersPlaced);
        var trade = Assert.Single(await RuntimeHarness.TradesAsync(botId));
        Assert.Equal("at" + botId + "-1", trade.ClientOrderId);
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.Null(state.PendingOrders);
        Assert.Equal(1, state.OrderSequence);
        Assert.True(state.InPosition);
    }

    [Fact]
    public async Task An_order_still_not_found_after_the_receive_window_is_dropped_and_decided_again()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner)
        {
            HoldOrders = 1,
            InFlightWindow = TimeSpan.FromSeconds(6),
        });
        var (_, botId) = await h.CreateBotAsync();
        await h.Runner.TickAsync(botId, CancellationToken.None);
        await TickUntilAsync(h, botId, () => Task.FromResult(faults!.OrdersHeld > 0));

        h.Clock.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));

        Assert.Contains(await RuntimeHarness.LogsAsync(botId), l => l.Message.Contains("was never executed by the exchange", StringComparison.Ordinal));
        var trade = Assert.Single(await RuntimeHarness.TradesAsync(botId));
        Assert.Equal("at" + botId + "-2", trade.ClientOrderId);
        Assert.Equal(1, faults!.OrdersPlaced);
    }

    [Fact]
    public async Task A_commission_paid_in_a_third_asset_is_valued_in_the_quote_asset_at_its_price()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner));
        var (_, botId) = await h.CreateBotAsync();
        await h.Runner.TickAsync(botId, CancellationToken.None);
        // The exchange reports commissions in BNB at the simulated market's BNBUSDT price of the moment.
        var market = h.Services.GetRequiredService<AlgoTrade.Core.Exchanges.Simulated.SimulatedMarket>();
        for (var minute = 1; minute <= 600 && (await RuntimeHarness.TradesAsync(botId)).Count == 0; minute++)
        {
            h.Clock.Set(T0.AddMinutes(minute));
            faults!.CommissionInBnbAt = market.PriceAt("BNBUSDT", h.Clock.UtcNow);
            await h.Runner.TickAsync(botId, CancellationToken.None);
        }

        var trade = Assert.Single(await RuntimeHarness.TradesAsync(botId));
        Assert.Equal("USDT", trade.CommissionAsset);
        // 0.1 % of the fill's value, carried through BNB and back.
        Assert.InRange(trade.CommissionAmount - trade.QuoteQuantityFilled * 0.001m, -0.000001m, 0.000001m);
    }

    [Fact]
    public async Task A_symbol_the_exchange_does_not_know_puts_the_bot_in_error_at_once()
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync(b => b.Symbol = "NOPEUSDT");

        Assert.Equal(TickOutcome.BotDisabled, await h.Runner.TickAsync(botId, CancellationToken.None));

        var state = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(BotStatus.Error, state.Status);
        Assert.Contains("NOPEUSDT", state.LastErrorMessage);
        var error = Assert.Single(await RuntimeHarness.LogsAsync(botId), l => l.LogLevel == ActivityLogLevel.Error);
        Assert.StartsWith("Bot stopped with status error", error.Message);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.False((await db.BotConfigs.SingleAsync(b => b.Id == botId)).IsActive);
        Assert.Equal(TickOutcome.Skipped, await h.Runner.TickAsync(botId, CancellationToken.None));
    }

    [Fact]
    public async Task Transient_failures_retry_and_the_fifth_in_a_row_puts_the_bot_in_error()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner) { FailKlines = 2 });
        var (_, botId) = await h.CreateBotAsync();

        Assert.Equal(TickOutcome.FailedTransient, await h.Runner.TickAsync(botId, CancellationToken.None));
        Assert.Equal(TickOutcome.FailedTransient, await h.Runner.TickAsync(botId, CancellationToken.None));
        var failing = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(2, failing.ConsecutiveFailures);
        Assert.Equal(BotStatus.Running, failing.Status);
        Assert.Contains("injected failure", failing.LastErrorMessage);

        // A good tick clears the streak.
        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));
        Assert.Equal(0, (await RuntimeHarness.StateAsync(botId)).ConsecutiveFailures);
        Assert.Null((await RuntimeHarness.StateAsync(botId)).LastErrorMessage);

        faults!.FailKlines = 5;
        for (var i = 1; i <= 4; i++)
            Assert.Equal(TickOutcome.FailedTransient, await h.Runner.TickAsync(botId, CancellationToken.None));
        Assert.Equal(TickOutcome.BotDisabled, await h.Runner.TickAsync(botId, CancellationToken.None));
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(BotStatus.Error, state.Status);
        Assert.Equal(5, state.ConsecutiveFailures);
        var errors = (await RuntimeHarness.LogsAsync(botId)).Where(l => l.LogLevel == ActivityLogLevel.Error).ToList();
        Assert.Equal(7, errors.Count);
        Assert.Equal("Unavailable", errors[^1].Details!.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Stopped_bots_are_skipped()
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync(status: BotStatus.Stopped);
        Assert.Equal(TickOutcome.Skipped, await h.Runner.TickAsync(botId, CancellationToken.None));
        Assert.Null((await RuntimeHarness.StateAsync(botId)).LastRunAt);
    }

    [Fact]
    public async Task Force_exit_sells_the_whole_position_at_the_market()
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync(b => b.Risk = b.Risk with { StopLossPerc = 20, TakeProfitPerc = 50, TrailingStopActive = false, TrailingStopPerc = null, PartialTakeProfits = [] });
        await h.Runner.TickAsync(botId, CancellationToken.None);
        await TickUntilAsync(h, botId, async () => (await RuntimeHarness.StateAsync(botId)).InPosition);

        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ForceExitRequested, true));
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await h.Runner.TickAsync(botId, CancellationToken.None);

        var trades = await RuntimeHarness.TradesAsync(botId);
        var exit = trades[^1];
        Assert.Equal(OrderSide.Sell, exit.Side);
        Assert.Equal("manual", exit.ExitReason);
        Assert.Equal(trades[^2].QuantityFilled, exit.QuantityFilled);
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.False(state.InPosition);
        Assert.False(state.ForceExitRequested);
    }
    [Fact]
    public async Task An_interrupted_force_exit_is_reconciled_as_manual_at_the_exchanges_fill_time()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner));
        var (_, botId) = await h.CreateBotAsync(b => b.Risk = b.Risk with { StopLossPerc = 20, TakeProfitPerc = 50, TrailingStopActive = false, TrailingStopPerc = null, PartialTakeProfits = [] });
        await h.Runner.TickAsync(botId, CancellationToken.None);
        await TickUntilAsync(h, botId, async () => (await RuntimeHarness.StateAsync(botId)).InPosition);

        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ForceExitRequested, true));
        faults!.CrashAfterPlacingOrders = 1;
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var soldAt = h.Clock.GetUtcNow().UtcDateTime;
        await h.Runner.TickAsync(botId, CancellationToken.None);
        Assert.NotNull((await RuntimeHarness.StateAsync(botId)).PendingOrders);

        h.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TickOutcome.Completed, await h.Runner.TickAsync(botId, CancellationToken.None));

        var exit = (await RuntimeHarness.TradesAsync(botId))[^1];
        Assert.Equal(OrderSide.Sell, exit.Side);
        Assert.Equal("manual", exit.ExitReason);
        Assert.Equal(soldAt, exit.Timestamp, TimeSpan.FromMilliseconds(1));
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.False(state.InPosition);
        Assert.Null(state.PendingOrders);
    }
}
