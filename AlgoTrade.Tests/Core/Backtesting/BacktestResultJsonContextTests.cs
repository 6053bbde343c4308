using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Tests.Core.Backtesting;

public class BacktestResultJsonContextTests
{
    [Fact]
    public void The_source_generated_writer_prints_exactly_what_the_reflection_options_print()
    {
        var config = BacktestConfigReader.Read("""
            {"symbol":"BTCUSDT","timeframe":"1m","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":5,"ema_slow":20},
             "initial_capital":1000,"position_size_perc":100,"stop_loss_perc":1,"take_profit_perc":2,
             "trailing_stop_perc":0.5,"trailing_stop_active":true,"partial_take_profits_config":[{"percentage":1,"ratio":0.5}],
             "max_trade_duration_hours":1}
            """).Config!;
        var result = Backtester.Run(config, BacktesterTests.Synthetic(20_000));
        Assert.Contains(result.Trades, t => t.RealizedPnl is null);
        Assert.True(result.Trades.Select(t => t.Reason).Distinct().Count() >= 4);

        var generated = JsonSerializer.Serialize(result, BacktestResultJsonContext.Default.BacktestResult);
        Assert.Equal(BacktestJson.Serialize(result, indented: true), generated);

        // The CLI's streaming writer, with and without the charts the result page stores.
        Assert.Equal(generated, Written(result));
        var withCharts = result with { Charts = BacktestChartBuilder.Build(result, config, BacktesterTests.Synthetic(20_000)) };
        Assert.NotNull(withCharts.Charts);
        Assert.Equal(BacktestJson.Serialize(withCharts, indented: true), Written(withCharts));

        // Undefined ratios are null, and log lines keep the serializer's escaping.
        var sparse = result with
        {
            Summary = result.Summary with { CagrPct = null, SharpeRatio = null, ProfitFactor = null, AverageTradeDurationHours = null },
            Log = ["a \"quoted\" <note> → 2 % & more", ""],
        };
        Assert.Equal(BacktestJson.Serialize(sparse, indented: true), Written(sparse));

        // And with the gaps of the run's data.
        var holed = BacktesterTests.Synthetic(2_000).Where((_, i) => i is not (>= 500 and < 520)).ToArray();
        var withGaps = withCharts with { DataGaps = CandleGapReport.Find(holed, Timeframe.M1) };
        Assert.NotNull(withGaps.DataGaps);
        var expected = BacktestJson.Serialize(withGaps, indented: true);
        Assert.Contains("\"data_gaps\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, JsonSerializer.Serialize(withGaps, BacktestResultJsonContext.Default.BacktestResult));
        Assert.Equal(expected, Written(withGaps));
    }

    private static string Written(BacktestResult result)
    {
        using var stream = new MemoryStream();
        BacktestResultJsonWriter.Write(stream, result);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
