using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Backtesting;

public class BacktesterTests
{
    internal static Candle[] Synthetic(int count, int seed = 3)
    {
        var random = new Random(seed);
        var candles = new Candle[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.01);
            candles[i] = new Candle(EngineTestKit.T0.AddMinutes(i), open, Math.Max(open, close) * 1.001, Math.Min(open, close) * 0.999, close, 1);
            price = close;
        }
        return candles;
    }

    private static BacktestConfig Config() => BacktestConfigReader.Read("""
        {"symbol":"BTCUSDT","timeframe":"1m","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":5,"ema_slow":20},
         "initial_capital":1000,"position_size_perc":100,"stop_loss_perc":1,"take_profit_perc":2,
         "trailing_stop_perc":0.5,"trailing_stop_active":true,"partial_take_profits_config":[{"percentage":1,"ratio":0.5}]}
        """).Config!;

    [Fact]
    public void Closes_an_open_position_at_the_end_of_data()
    {
        var result = EngineTestKit.Run(EngineTestKit.Settings(), [Signal.Enter],
            EngineTestKit.Bar(0, 100, 100, 100, 100), EngineTestKit.Bar(1, 100, 100, 100, 100), EngineTestKit.Bar(2, 100, 107, 100, 105));
        var last = result.Trades[^1];
        Assert.Equal((FillReason.EndOfData, 105.0, EngineTestKit.At(3)), (last.Reason, last.Price, last.Time));
        Assert.Equal(1050, result.Summary.FinalEquity);
        Assert.Equal(1050, result.EquityCurve[^1].Equity);
        Assert.Equal(200.0 / 3, result.Summary.ExposurePct, 1e-9);
    }

    [Fact]
    public void Realized_pnl_adds_up_to_the_equity_change_and_the_curve_is_capped()
    {
        var result = Backtester.Run(Config(), Synthetic(10_000));
        Assert.True(result.Summary.NumberOfFills > 20);
        Assert.True(result.EquityCurve.Count <= Backtester.MaxEquityPoints);
        var pnl = result.Trades.Sum(t => t.RealizedPnl ?? 0);
        Assert.Equal(result.Summary.FinalEquity - 1000, pnl, 1e-9);
        Assert.Equal(result.Trades.Sum(t => t.Fee), result.Summary.FeesPaid, 1e-9);
        Assert.Equal(result.Summary.NumberOfTrades, result.Trades.Count(t => t.Side == OrderSide.Buy));
    }

    [Fact]
    public void Start_and_end_select_the_candles_and_results_serialize_in_snake_case()
    {
        var candles = Synthetic(300);
        var config = Config() with { Start = candles[100].OpenTime, End = candles[200].OpenTime };
        var result = Backtester.Run(config, candles);
        Assert.Equal(100, result.Summary.Candles);
        Assert.Equal(candles[100].OpenTime, result.Summary.Start);

        using var json = JsonDocument.Parse(BacktestJson.Serialize(result));
        var root = json.RootElement;
        Assert.Equal(100, root.GetProperty("summary").GetProperty("candles").GetInt32());
        Assert.True(root.GetProperty("summary").TryGetProperty("buy_and_hold_return_pct", out _));
        Assert.True(root.GetProperty("equity_curve")[0].TryGetProperty("drawdown", out _));
        var trade = root.GetProperty("trades")[0];
        Assert.Equal("BUY", trade.GetProperty("side").GetString());
        Assert.Equal("signal", trade.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, trade.GetProperty("realized_pnl").ValueKind);
        Assert.True(trade.TryGetProperty("quote_quantity", out _));
    }

    [Fact]
    public void Same_candles_same_result()
    {
        var candles = Synthetic(2_000);
        Assert.Equal(BacktestJson.Serialize(Backtester.Run(Config(), candles)), BacktestJson.Serialize(Backtester.Run(Config(), candles)));
    }
}
