using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Strategies.Rules;

public class RuleStrategyTests
{
    // The sequence of StrategyTests, whose EMA(2), EMA(3) and RSI(2) values are worked out there.
    private static readonly double[] Closes = [10, 9, 8, 7, 8, 10, 9, 7, 6, 7, 9, 12];

    internal static RuleStrategy Compile(string json)
    {
        var read = RuleDocumentReader.Read(json);
        Assert.True(read.IsValid, string.Join(" ", read.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        return RuleCompiler.Compile(read.Document!);
    }

    private static string Doc(string entry, string? exit = null) =>
        exit is null ? $$"""{"version": 1, "entry": {{entry}}}""" : $$"""{"version": 1, "entry": {{entry}}, "exit": {{exit}}}""";

    private static int[] Indexes(IStrategy strategy, Signal which) =>
        Closes.Select((c, i) => strategy.OnCandle(new Candle(new DateTime(2024, 1, 1, 0, i, 0, DateTimeKind.Utc), c, c, c, c, 1)))
            .Select((s, i) => (s, i)).Where(x => x.s == which).Select(x => x.i).ToArray();

    [Fact]
    public void Ema_cross_with_rsi_filter_written_as_rules_signals_like_the_built_in()
    {
        var json = Doc(
            """{"all": [{"left": {"ind": "ema", "period": 2}, "op": "crosses_above", "right": {"ind": "ema", "period": 3}}, {"left": {"ind": "rsi", "period": 2}, "op": "<", "right": 90}]}""",
            """{"any": [{"left": {"ind": "ema", "period": 2}, "op": "crosses_below", "right": {"ind": "ema", "period": 3}}, {"left": {"ind": "rsi", "period": 2}, "op": ">", "right": 90}]}""");
        Assert.Equal([5, 10], Indexes(Compile(json), Signal.Enter));
        Assert.Equal([7, 11], Indexes(Compile(json), Signal.Exit));
        var strategy = Compile(json);
        Assert.Equal(4, strategy.WarmUpPeriod);
        Assert.Equal(3, strategy.IndicatorInstances);   // EMA(2), EMA(3), RSI(2), each used twice, computed once
    }

    [Fact]
    public void Rising_and_falling_compare_with_each_of_the_previous_n_values()
    {
        // close > both previous closes at 5 (10 > 8, 7), 10 (9 > 7, 6), 11; below both at 2, 3, 7, 8.
        var strategy = Compile(Doc("""{"left": "close", "op": "rising", "over": 2}""", """{"left": "close", "op": "falling", "over": 2}"""));
        Assert.Equal(3, strategy.WarmUpPeriod);
        Assert.Equal([5, 10, 11], Indexes(strategy, Signal.Enter));
        Assert.Equal([2, 3, 7, 8], Indexes(Compile(Doc("""{"left": "close", "op": "rising", "over": 2}""", """{"left": "close", "op": "falling", "over": 2}""")), Signal.Exit));
    }

    [Fact]
    public void Shift_reads_earlier_candles_and_crosses_work_against_numbers()
    {
        Assert.Equal([1, 2, 3, 6, 7, 8], Indexes(Compile(Doc("""{"left": {"price": "close", "shift": 1}, "op": ">", "right": "close"}""")), Signal.Enter));
        Assert.Equal([5, 10], Indexes(Compile(Doc("""{"left": "close", "op": "crosses_above", "right": 8}""")), Signal.Enter));
        Assert.Equal([7], Indexes(Compile(Doc("""{"left": "close", "op": "crosses_below", "right": {"price": "close", "shift": 2}}""")), Signal.Enter));
    }

    [Fact]
    public void Not_and_any_groups_combine_conditions()
    {
        Assert.Equal([2, 3, 4, 7, 8, 9], Indexes(Compile(Doc("""{"not": {"left": "close", "op": ">", "right": 8}}""")), Signal.Enter));
        Assert.Equal([0, 1, 5, 6, 8, 10, 11], Indexes(Compile(Doc("""{"any": [{"left": "close", "op": ">=", "right": 9}, {"left": "close", "op": "<=", "right": 6}]}""")), Signal.Enter));
        // entry wins when both hold, like the built-in strategies
        Assert.Empty(Indexes(Compile(Doc("""{"left": "close", "op": ">", "right": 0}""", """{"left": "close", "op": ">", "right": 0}""")), Signal.Exit));
    }

    [Fact]
    public void Price_fields_are_read_from_the_candle()
    {
        var c = new Candle(DateTime.UnixEpoch, 10, 16, 8, 12, 1000);
        Assert.Equal([10, 16, 8, 12, 1000, 12, 12, 11.5],
            PriceFields.All.Select(f => PriceFields.Read(in c, f.Field)).ToArray());
    }

    [Fact]
    public void Warm_up_is_the_longest_indicator_plus_shift_plus_the_longest_look_back()
    {
        Assert.Equal(26, Compile(Doc("""{"left": {"ind": "ema", "period": 26}, "op": ">", "right": 1}""")).WarmUpPeriod);
        Assert.Equal(15 + 3 + 2, Compile(Doc("""{"all": [{"left": {"ind": "rsi", "shift": 3}, "op": ">", "right": 1}, {"left": "close", "op": "rising", "over": 2}]}""")).WarmUpPeriod);
        Assert.Equal(34 + 1, Compile(Doc("""{"left": {"ind": "macd", "out": "line"}, "op": "crosses_above", "right": {"ind": "macd", "out": "signal"}}""")).WarmUpPeriod);
        Assert.Equal(15, Compile(Doc("""{"left": {"ind": "atr"}, "op": ">", "right": {"ind": "atr", "shift": 0}}""")).WarmUpPeriod);
    }

    [Fact]
    public void No_allocation_per_candle_and_reset_replays_the_same_signals()
    {
        var series = SyntheticSeries.Generate(7, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 30_000, 50_000).Candles;
        var strategy = Compile(Doc(
            """{"all": [{"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}}, {"left": {"ind": "rsi"}, "op": "<", "right": 70}, {"not": {"left": {"ind": "bollinger", "out": "percent_b", "shift": 3}, "op": "falling", "over": 4}}]}""",
            """{"any": [{"left": {"ind": "macd", "out": "histogram"}, "op": "crosses_below", "right": 0}, {"left": "hlc3", "op": "<", "right": {"ind": "sma", "period": 50, "source": "low"}}, {"left": {"ind": "atr"}, "op": ">", "right": 500}]}"""));
        var first = new Signal[series.Length];
        for (var i = 0; i < series.Length; i++) first[i] = strategy.OnCandle(in series[i]);
        Assert.Contains(Signal.Enter, first);
        Assert.Contains(Signal.Exit, first);

        // Replays after Reset give the same signals and allocate nothing. The JIT may still promote a method to its
        // optimised tier during a pass (its bookkeeping counts against this thread), so the best of three passes counts.
        var allocated = long.MaxValue;
        var firstDifference = -1;
        for (var pass = 0; pass < 3 && allocated != 0; pass++)
        {
            strategy.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < series.Length; i++)
                if (strategy.OnCandle(in series[i]) != first[i] && firstDifference < 0) firstDifference = i;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(firstDifference < 0, $"candle {firstDifference} differs after Reset");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Describes_rules_in_plain_language()
    {
        var document = RuleDocumentReader.Read(Doc(
            """{"all": [{"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}}, {"left": {"ind": "rsi", "period": 14}, "op": "<", "right": 70}]}""",
            """{"any": [{"left": {"ind": "macd", "out": "histogram", "shift": 1}, "op": "falling", "over": 3}, {"not": {"all": [{"left": {"price": "close", "shift": 2}, "op": ">=", "right": {"ind": "bollinger", "std_dev": 2.5, "out": "lower", "source": "hl2"}}, {"left": "volume", "op": ">", "right": 1.5}]}}]}""")).Document!;
        Assert.Equal(
            "Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70. "
            + "Exit when MACD(12, 26, 9) histogram 1 candle ago is falling over 3 candles or not (close 2 candles ago ≥ BB(20, 2.5, HL2) lower band and volume > 1.5).",
            RuleDescriber.Describe(document));
        Assert.EndsWith(RuleDescriber.NoExit, RuleDescriber.Describe(document with { Exit = null }));
    }
}
