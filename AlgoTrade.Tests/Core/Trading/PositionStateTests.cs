using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

public class PositionStateTests
{
    private static readonly RiskSettings Settings = new()
    {
        InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 1.5m, TakeProfitPerc = 3,
        TrailingStopPerc = 1, TrailingStopActive = true, PartialTakeProfits = [new(1, 0.3m), new(2, 0.3m)],
        MaxTradeDurationHours = 12, DailyTargetPerc = 2, MaxDailyLossPerc = 2, FeeRate = 0.001m, SlippageBps = 3,
    };

    [Fact]
    public void State_survives_a_json_round_trip_between_every_candle_like_a_live_bot()
    {
        var (candles, signals) = EngineTestKit.RandomWalk(400, seed: 11);

        var continuous = new RiskEngine(Settings, Timeframe.H1);
        var broker = new SimulatedBroker(0.001, continuous.State);
        for (var i = 0; i < candles.Length; i++)
            continuous.OnCandle(candles[i], signals[i], ref broker);

        var json = BacktestJson.Serialize(PositionState.Initial(Settings.InitialCapital));
        var trades = new List<BacktestTrade>();
        for (var i = 0; i < candles.Length; i++)
        {
            var state = BacktestJson.Deserialize<PositionState>(json)!;
            var engine = new RiskEngine(Settings, Timeframe.H1, state);
            var tickBroker = new SimulatedBroker(0.001, state);
            engine.OnCandle(candles[i], signals[i], ref tickBroker);
            trades.AddRange(tickBroker.Trades);
            json = BacktestJson.Serialize(state);
        }

        Assert.True(broker.Trades.Count > 50, $"only {broker.Trades.Count} fills");
        Assert.Equal(broker.Trades, trades);
        Assert.Equal(BacktestJson.Serialize(continuous.State), json);
        Assert.Contains(broker.Trades, t => t.Reason == FillReason.PartialTakeProfit);
        Assert.Contains(broker.Trades, t => t.Reason == FillReason.TrailingStop);
    }

    [Fact]
    public void Json_uses_snake_case_names()
    {
        var state = new PositionState { Cash = 1, Quantity = 2, PendingOrder = PendingOrder.Buy, DailyDate = new DateOnly(2024, 1, 2) };
        var json = BacktestJson.Serialize(state);
        Assert.Contains("\"max_price_since_entry\":0", json);
        Assert.Contains("\"pending_order\":\"buy\"", json);
        Assert.Contains("\"daily_date\":\"2024-01-02\"", json);
        Assert.Contains("\"partial_take_profits_filled\":0", json);
    }
}
