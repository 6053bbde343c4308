using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using static AlgoTrade.Tests.Core.Trading.EngineTestKit;

namespace AlgoTrade.Tests.Core.Trading;

public class FillModelTests
{
    private const double Tol = 1e-9;
    private const Signal N = Signal.None, Enter = Signal.Enter, Exit = Signal.Exit;

    [Fact]
    public void Entry_decided_at_a_close_fills_at_the_next_open_sized_as_a_share_of_cash()
    {
        var result = Run(Settings(s => s with { PositionSizePerc = 50, FeeRate = 0.001m }), [Enter],
            Bar(0, 100, 101, 99, 100), Bar(1, 100, 102, 99, 101), Bar(2, 101, 103, 100, 102));

        var buy = result.Trades[0];
        Assert.Equal(new BacktestTrade(At(1), OrderSide.Buy, 100, 5, 500, 0.5, null, FillReason.Signal), buy);
        var sell = result.Trades[1];
        Assert.Equal(FillReason.EndOfData, sell.Reason);
        Assert.Equal(At(3), sell.Time);
        Assert.Equal(102, sell.Price);
        Assert.Equal(0.51, sell.Fee, Tol);
        Assert.Equal(5 * (102 - 100) - 0.51 - 0.5, sell.RealizedPnl!.Value, Tol); // 8.99
        Assert.Equal(1008.99, result.Summary.FinalEquity, Tol);
    }

    [Fact]
    public void Spend_is_capped_at_cash_over_one_plus_fee_and_fixed_size_wins_over_percentage()
    {
        var capped = Run(Settings(s => s with { FeeRate = 0.001m }), [Enter], Bar(0, 100, 100, 100, 100), Bar(1, 100, 100, 100, 100));
        Assert.Equal(1000 / 1.001, capped.Trades[0].QuoteQuantity, Tol);
        Assert.Equal(1000 / 1.001 * 0.001, capped.Trades[0].Fee, Tol);
        Assert.Equal(1000 / 1.001 / 100, capped.Trades[0].Quantity, Tol);

        var fixedSize = Run(Settings(s => s with { PositionSizeFixed = 300 }), [Enter], Bar(0, 100, 100, 100, 100), Bar(1, 120, 120, 120, 120));
        Assert.Equal(300, fixedSize.Trades[0].QuoteQuantity);
        Assert.Equal(2.5, fixedSize.Trades[0].Quantity);
    }

    [Fact]
    public void A_gap_through_the_stop_fills_at_the_open()
    {
        var result = Run(Settings(s => s with { StopLossPerc = 5 }), [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 99, 100), Bar(2, 90, 92, 88, 91));
        Assert.Equal(["01:00 Buy 10@100 Signal", "02:00 Sell 10@90 StopLoss"], result.Trades.Select(Describe));
        Assert.Equal(-100, result.Trades[1].RealizedPnl);
    }

    [Fact]
    public void A_stop_touched_inside_the_candle_fills_at_the_stop_less_slippage()
    {
        var result = Run(Settings(s => s with { StopLossPerc = 5, SlippageBps = 10 }), [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 99.5, 100), Bar(2, 98, 99, 94, 97));
        var entry = 100 * 1.001;
        Assert.Equal(entry, result.Trades[0].Price, Tol);
        Assert.Equal(entry * 0.95 * 0.999, result.Trades[1].Price, Tol);
        Assert.Equal(FillReason.StopLoss, result.Trades[1].Reason);
    }

    [Fact]
    public void Stop_is_checked_before_take_profit_in_the_same_candle()
    {
        var result = Run(Settings(s => s with { StopLossPerc = 5, TakeProfitPerc = 10 }), [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 99, 100), Bar(2, 100, 111, 94, 105));
        Assert.Equal(["01:00 Buy 10@100 Signal", "02:00 Sell 10@95 StopLoss"], result.Trades.Select(Describe));
    }

    [Fact]
    public void A_position_entered_at_the_open_can_stop_out_in_the_same_candle()
    {
        var result = Run(Settings(s => s with { StopLossPerc = 5, TrailingStopPerc = 10, TrailingStopActive = true }), [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 94, 96));
        // fixed stop 95 is above the trailing 90 (M = E on the entry candle), so the reason is stop_loss
        Assert.Equal(["01:00 Buy 10@100 Signal", "01:00 Sell 10@95 StopLoss"], result.Trades.Select(Describe));
    }

    [Fact]
    public void Partial_take_profits_fill_once_each_in_ascending_order_then_take_profit_sells_the_rest()
    {
        var settings = Settings(s => s with
        {
            TakeProfitPerc = 10,
            PartialTakeProfits = [new PartialTakeProfit(8, 0.25m), new PartialTakeProfit(5, 0.5m)],
        });
        var result = Run(settings, [Enter],
            Bar(0, 100, 100, 100, 100),
            Bar(1, 100, 101, 99, 100),
            Bar(2, 101, 106, 100, 104),     // 105 reached: half of the entry quantity
            Bar(3, 104, 106, 103, 105),     // 105 again: already filled
            Bar(4, 109, 112, 108.5, 111),   // opens above 108: fills at the open; then 110 inside the candle
            Bar(5, 111, 111, 111, 111));
        Assert.Equal(
        [
            "01:00 Buy 10@100 Signal",
            "02:00 Sell 5@105 PartialTakeProfit",
            "04:00 Sell 2.5@109 PartialTakeProfit",
            "04:00 Sell 2.5@110 TakeProfit",
        ], result.Trades.Select(Describe));
        Assert.Equal([25, 22.5, 25], result.Trades.Skip(1).Select(t => Math.Round(t.RealizedPnl!.Value, 9)));
        Assert.Equal(1072.5, result.Summary.FinalEquity, Tol);
        Assert.Equal(1, result.Summary.NumberOfTrades);
    }

    [Fact]
    public void Take_profit_fills_at_its_level_without_slippage()
    {
        var result = Run(Settings(s => s with { TakeProfitPerc = 5, SlippageBps = 10 }), [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 99.5, 100), Bar(2, 103, 106, 102, 104));
        Assert.Equal(100.1 * 1.05, result.Trades[1].Price, Tol);
        Assert.Equal(FillReason.TakeProfit, result.Trades[1].Reason);
    }

    [Fact]
    public void Trailing_stop_ratchets_with_the_highest_high_up_to_the_previous_candle()
    {
        var settings = Settings(s => s with { StopLossPerc = 20, TrailingStopPerc = 10, TrailingStopActive = true });
        var result = Run(settings, [Enter],
            Bar(0, 100, 100, 100, 100),
            Bar(1, 100, 120, 91, 115),     // stop max(80, 100·0.9) = 90: low 91 holds; M → 120
            Bar(2, 115, 130, 109, 125),    // stop 108 (M = 120, not this candle's 130): low 109 holds; M → 130
            Bar(3, 125, 126, 116, 120));   // stop 117: hit
        Assert.Equal(["01:00 Buy 10@100 Signal", "03:00 Sell 10@117 TrailingStop"], result.Trades.Select(Describe));
        Assert.Equal(170, result.Trades[1].RealizedPnl!.Value, Tol);

        var inactive = Run(settings with { TrailingStopActive = false }, [Enter],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 120, 91, 115), Bar(2, 115, 130, 109, 125), Bar(3, 125, 126, 116, 120));
        Assert.Equal(FillReason.EndOfData, inactive.Trades[1].Reason);
    }

    [Fact]
    public void Max_duration_exits_at_the_close_once_the_duration_is_reached()
    {
        var result = Run(Settings(s => s with { MaxTradeDurationHours = 2, SlippageBps = 10 }), [Enter],
            Bar(0, 100, 100, 100, 100),
            Bar(1, 100, 101, 99, 100),     // close 02:00 − entry 01:00 = 1 h
            Bar(2, 100, 103, 99, 102),     // close 03:00 − entry 01:00 = 2 h → exit at 102 less slippage
            Bar(3, 102, 102, 102, 102));
        var exit = result.Trades[1];
        Assert.Equal(FillReason.MaxDuration, exit.Reason);
        Assert.Equal(At(3), exit.Time);
        Assert.Equal(102 * 0.999, exit.Price, Tol);
        Assert.Equal(2, result.Trades.Count);
    }

    [Fact]
    public void Exit_signal_sells_at_the_next_open_and_enter_while_in_position_is_ignored()
    {
        var result = Run(Settings(), [Enter, Enter, Exit, Exit],
            Bar(0, 100, 100, 100, 100), Bar(1, 100, 101, 99, 100), Bar(2, 101, 102, 100, 101), Bar(3, 104, 105, 103, 104), Bar(4, 104, 104, 104, 104));
        Assert.Equal(["01:00 Buy 10@100 Signal", "03:00 Sell 10@104 Signal"], result.Trades.Select(Describe));
    }

    [Fact]
    public void Fees_and_slippage_arithmetic_on_a_round_trip()
    {
        var result = Run(Settings(s => s with { FeeRate = 0.001m, SlippageBps = 10 }), [Enter, Exit],
            Bar(0, 200, 200, 200, 200), Bar(1, 200, 206, 199, 205), Bar(2, 210, 211, 209, 210));
        var (buy, sell) = (result.Trades[0], result.Trades[1]);
        // buy at 200·1.001 = 200.2 spending 1000/1.001 = 999.000999…, fee 0.999000999…
        Assert.Equal(200.2, buy.Price, Tol);
        Assert.Equal(999.0009990009991, buy.QuoteQuantity, Tol);
        Assert.Equal(0.999000999000999, buy.Fee, Tol);
        Assert.Equal(4.990014980024971, buy.Quantity, Tol);
        // sell at 210·0.999 = 209.79: quote 1046.855…, fee 1.046855…, pnl = q·(209.79 − 200.2) − 1.046855… − 0.999000…
        Assert.Equal(209.79, sell.Price, Tol);
        Assert.Equal(1046.8552426594385, sell.QuoteQuantity, Tol);
        Assert.Equal(1.0468552426594386, sell.Fee, Tol);
        Assert.Equal(45.80838741677905, sell.RealizedPnl!.Value, Tol);
        Assert.Equal(1045.8083874167792, result.Summary.FinalEquity, Tol);
        Assert.Equal(buy.Fee + sell.Fee, result.Summary.FeesPaid, Tol);
    }

    [Fact]
    public void Daily_target_blocks_entries_filling_the_same_utc_day_until_the_next_day()
    {
        var settings = Settings(s => s with { DailyTargetPerc = 1, TakeProfitPerc = 2 });
        var result = Run(settings, [Enter, Enter, Enter, Enter],
            Bar(20, 100, 100.5, 99.5, 100),
            Bar(21, 100, 103, 99.5, 101),     // buy 10 @ 100, take-profit @ 102: +20 ≥ 10 (1 % of 1000)
            Bar(22, 101, 101.5, 100.5, 101),  // entry would fill 23:00: blocked
            Bar(23, 101, 101.5, 100.5, 101),  // entry would fill 00:00 next day: allowed, 1020 cash / 101
            Bar(24, 101, 101.5, 100.5, 101));
        Assert.Equal(["21:00 Buy 10@100 Signal", "21:00 Sell 10@102 TakeProfit", "00:00 Buy 10.099009901@101 Signal", "01:00 Sell 10.099009901@101 EndOfData"],
            result.Trades.Select(Describe));
        Assert.Equal(2, result.Log.Count);
        Assert.All(result.Log, l => Assert.EndsWith("entry blocked: daily target reached", l));
    }

    [Fact]
    public void Max_daily_loss_blocks_entries_but_not_exits()
    {
        var settings = Settings(s => s with { MaxDailyLossPerc = 1, StopLossPerc = 1 });
        var result = Run(settings, [Enter, Enter, N, N],
            Bar(0, 100, 100, 100, 100),
            Bar(1, 100, 100.5, 98.5, 99),     // stop @ 99: −10 ≤ −10
            Bar(2, 99, 99, 99, 99),
            Bar(3, 99, 99, 99, 99));
        Assert.Equal(["01:00 Buy 10@100 Signal", "01:00 Sell 10@99 StopLoss"], result.Trades.Select(Describe));
        Assert.EndsWith("entry blocked: maximum daily loss reached", Assert.Single(result.Log));
    }

    [Fact]
    public void A_zero_position_size_skips_the_entry_with_a_log_line()
    {
        var engine = new RiskEngine(Settings(), AlgoTrade.Core.Market.Timeframe.H1, new PositionState { Cash = 0 });
        var broker = new SimulatedBroker(0, engine.State);
        Assert.Equal(CandleDecision.EntrySkippedZeroSize, engine.OnCandle(Bar(0, 100, 100, 100, 100), Enter, ref broker));
        Assert.Equal(CandleDecision.None, engine.OnCandle(Bar(1, 100, 100, 100, 100), N, ref broker));
        Assert.Empty(broker.Trades);
        Assert.Equal("2024-01-01T01:00:00Z entry skipped: position size is zero (no cash left)", Assert.Single(broker.Log));
    }

    [Fact]
    public void Exits_between_candles_for_the_live_runtime_use_the_same_levels()
    {
        var engine = new RiskEngine(Settings(s => s with { StopLossPerc = 5, TakeProfitPerc = 10, PartialTakeProfits = [new(5, 0.5m)] }),
            AlgoTrade.Core.Market.Timeframe.H1);
        var broker = new SimulatedBroker(0, engine.State);
        Assert.Equal(CandleDecision.EntryScheduled, engine.OnCandle(Bar(0, 100, 100, 100, 100), Enter, ref broker));
        engine.OnPrice(At(1), 100, ref broker);
        Assert.Equal(1000, broker.Trades[0].QuoteQuantity);
        Assert.Equal(95, engine.StopLossPrice!.Value, Tol);
        Assert.Equal(110, engine.TakeProfitPrice!.Value, Tol);

        engine.OnPrice(At(1).AddMinutes(1), 96, ref broker);
        Assert.Single(broker.Trades);
        engine.OnPrice(At(1).AddMinutes(2), 105.5, ref broker);
        var partial = broker.Trades[1];
        Assert.Equal((OrderSide.Sell, FillReason.PartialTakeProfit, 5.0, 105.5), (partial.Side, partial.Reason, partial.Quantity, partial.Price));
        Assert.Equal(27.5, partial.RealizedPnl!.Value, Tol);
        engine.OnPrice(At(1).AddMinutes(3), 106, ref broker);
        Assert.Equal(2, broker.Trades.Count);
        engine.OnPrice(At(1).AddMinutes(4), 94.9, ref broker);
        var stop = broker.Trades[2];
        Assert.Equal((FillReason.StopLoss, 5.0, 94.9), (stop.Reason, stop.Quantity, stop.Price));
        Assert.False(engine.State.InPosition);
        Assert.Equal(1002, engine.State.Cash, Tol);
        Assert.Equal(2, engine.State.RealizedPnl, Tol);
        Assert.Equal(3, engine.State.DailyTradeCount);
    }
}
