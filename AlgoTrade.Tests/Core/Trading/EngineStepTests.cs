using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>
/// The engine's one step order (<see cref="RiskEngine.TryNextIntent"/>) as the two drivers see it: the backtester's
/// synchronous loop and the live runtime's asynchronous one hand out the same intents, an exit the exchange refuses is
/// not repeated, and a price seen between closes stays within the bound docs/backtesting.md promises.
/// </summary>
public class EngineStepTests
{
    private static readonly RiskSettings Settings = new()
    {
        InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 1.5m, TakeProfitPerc = 3,
        TrailingStopPerc = 1, TrailingStopActive = true, PartialTakeProfits = [new(1, 0.3m)],
        FeeRate = 0.001m, SlippageBps = 3,
    };

    private const double Slippage = 3.0 / 10_000;

    /// <summary>Prices inside each candle's range at times inside it, as a live bot would see them.</summary>
    private static PriceTick[] TicksInside(Candle candle, Random random, int count) =>
        Enumerable.Range(1, count)
            .Select(k => new PriceTick(candle.OpenTime.AddMinutes(k * 60.0 / (count + 1)), candle.Low + random.NextDouble() * (candle.High - candle.Low)))
            .ToArray();

    [Fact]
    public async Task The_async_driver_gets_the_same_intents_as_the_backtester_for_candles_and_prices_between_them()
    {
        var (candles, signals) = EngineTestKit.RandomWalk(400, seed: 5, gap: 0.004);
        var random = new Random(6);
        var ticks = candles.Select(c => TicksInside(c, random, 2)).ToArray();

        var sync = new RiskEngine(Settings, Timeframe.H1);
        var broker = new SimulatedBroker(0.001, sync.State);
        var live = new RiskEngine(Settings, Timeframe.H1);
        var driver = new BrokerDriver(live, new SimulatedBroker(0.001, live.State));
        for (var i = 0; i < candles.Length; i++)
        {
            foreach (var t in ticks[i])
            {
                sync.OnPrice(t.Time, t.Price, ref broker);
                Assert.True(await live.RunAsync(live.PriceStep(t.Time, t.Price), driver, CancellationToken.None));
            }
            var decision = sync.OnCandle(candles[i], signals[i], ref broker);
            Assert.True(await live.RunAsync(live.CandleStep(candles[i], signals[i]), driver, CancellationToken.None));
            Assert.Equal(decision, driver.Decisions[^1]);
        }

        Assert.True(broker.Trades.Count > 50, $"only {broker.Trades.Count} fills");
        Assert.Contains(broker.Trades, t => t.Reason == FillReason.PartialTakeProfit);
        Assert.Contains(broker.Trades, t => t.Reason is FillReason.StopLoss or FillReason.TrailingStop);
        Assert.Equal(broker.Trades, driver.Broker.Trades);
        Assert.Equal(BacktestJson.Serialize(sync.State), BacktestJson.Serialize(live.State));
        Assert.Equal(candles.Length, driver.Decisions.Count);
    }

    [Fact]
    public async Task An_exit_the_exchange_refuses_is_not_handed_out_again_in_the_same_step()
    {
        var engine = new RiskEngine(Settings with { PartialTakeProfits = [], TrailingStopActive = false }, Timeframe.H1);
        var broker = new SimulatedBroker(0, engine.State);
        engine.OnCandle(EngineTestKit.Bar(0, 100, 100, 100, 100), Signal.Enter, ref broker);
        engine.OnPrice(EngineTestKit.At(1), 100, ref broker);
        Assert.True(engine.State.InPosition);

        var refusing = new RefusingDriver();
        var gap = EngineTestKit.Bar(1, 90, 91, 89, 90);
        Assert.True(await engine.RunAsync(engine.CandleStep(gap, Signal.None), refusing, CancellationToken.None));
        Assert.Equal([FillReason.StopLoss], refusing.Intents.Select(i => i.Reason));
        Assert.True(engine.State.InPosition);

        // The next step decides again.
        Assert.True(await engine.RunAsync(engine.PriceStep(EngineTestKit.At(2), 89), refusing, CancellationToken.None));
        Assert.Equal(2, refusing.Intents.Count);
    }

    [Fact]
    public async Task A_driver_that_stops_ends_the_step_without_a_notice_and_a_signal_order_can_be_put_back()
    {
        var engine = new RiskEngine(Settings, Timeframe.H1);
        var driver = new FailingDriver();
        Assert.True(await engine.RunAsync(engine.CandleStep(EngineTestKit.Bar(0, 100, 100, 100, 100), Signal.Enter), driver, CancellationToken.None));
        Assert.Equal(PendingOrder.Buy, engine.State.PendingOrder);

        Assert.False(await engine.RunAsync(engine.CandleStep(EngineTestKit.Bar(1, 100, 100, 100, 100), Signal.None), driver, CancellationToken.None));
        var intent = Assert.Single(driver.Intents);
        Assert.Equal((OrderSide.Buy, FillReason.Signal), (intent.Side, intent.Reason));
        Assert.Equal(PendingOrder.None, engine.State.PendingOrder);
        engine.PutBackPendingOrder(intent);
        Assert.Equal(PendingOrder.Buy, engine.State.PendingOrder);
        Assert.Single(driver.Decisions);
    }

    /// <summary>
    /// docs/backtesting.md, "Ticks between candle closes": from the same state, a candle seen with prices between
    /// closes fills only inside that candle's range (less or plus slippage), and its first exit has the backtest's
    /// reason unless the candle touches both the stop and a take-profit level.
    /// </summary>
    [Fact]
    public void Prices_between_closes_fill_inside_the_candle_and_keep_the_backtests_first_exit()
    {
        var (candles, signals) = EngineTestKit.RandomWalk(600, seed: 21, gap: 0.004);
        var random = new Random(22);
        var engine = new RiskEngine(Settings, Timeframe.H1);
        var broker = new SimulatedBroker(0.001, engine.State);
        var compared = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            var candle = candles[i];
            var before = engine.State.Clone();

            var withTicks = new RiskEngine(Settings, Timeframe.H1, before.Clone());
            var tickBroker = new SimulatedBroker(0.001, withTicks.State);
            foreach (var t in TicksInside(candle, random, 3))
                withTicks.OnPrice(t.Time, t.Price, ref tickBroker);
            withTicks.OnCandle(candle, signals[i], ref tickBroker);
            Assert.All(tickBroker.Trades, f => Assert.InRange(f.Price, candle.Low * (1 - Slippage) - 1e-9, candle.High * (1 + Slippage) + 1e-9));

            var fillsBefore = broker.Trades.Count;
            engine.OnCandle(candle, signals[i], ref broker);
            var plain = broker.Trades.Skip(fillsBefore).ToList();

            if (before.Quantity > 0 && before.PendingOrder == PendingOrder.None && !TouchesStopAndTakeProfit(before, candle))
            {
                Assert.Equal(plain.FirstOrDefault().Reason, tickBroker.Trades.FirstOrDefault().Reason);
                Assert.Equal(plain.Count > 0, tickBroker.Trades.Count > 0);
                compared += plain.Count > 0 ? 1 : 0;
            }
        }
        Assert.True(compared > 30, $"only {compared} candles with an exit compared");
    }

    private static bool TouchesStopAndTakeProfit(PositionState state, Candle candle)
    {
        var stop = Math.Max(state.EntryPrice * (1 - 0.015), state.MaxPriceSinceEntry * (1 - 0.01));
        var takeProfit = state.EntryPrice * ((state.PartialTakeProfitsFilled & 1) == 0 ? 1.01 : 1.03);
        return candle.Low <= stop && candle.High >= takeProfit;
    }

    /// <summary>The live driver's shape over the simulated broker: executes, books with the engine, records the notice.</summary>
    private sealed class BrokerDriver(RiskEngine engine, SimulatedBroker broker) : IAsyncFillDriver
    {
        private SimulatedBroker _broker = broker;
        public SimulatedBroker Broker => _broker;
        public List<CandleDecision> Decisions { get; } = [];

        public ValueTask<bool> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
        {
            var fill = _broker.Execute(in intent);
            var pnl = engine.ApplyFill(in intent, in fill);
            _broker.Filled(in intent, in fill, pnl);
            return ValueTask.FromResult(true);
        }

        public void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision) => Decisions.Add(decision);
    }

    /// <summary>An exchange that refuses every order (nothing fills, the tick goes on).</summary>
    private sealed class RefusingDriver : IAsyncFillDriver
    {
        public List<OrderIntent> Intents { get; } = [];

        public ValueTask<bool> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
        {
            Intents.Add(intent);
            return ValueTask.FromResult(true);
        }

        public void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision)
        {
        }
    }

    /// <summary>An exchange that cannot be reached: the step ends at the first intent.</summary>
    private sealed class FailingDriver : IAsyncFillDriver
    {
        public List<OrderIntent> Intents { get; } = [];
        public List<CandleDecision> Decisions { get; } = [];

        public ValueTask<bool> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
        {
            Intents.Add(intent);
            return ValueTask.FromResult(false);
        }

        public void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision) => Decisions.Add(decision);
    }
}
