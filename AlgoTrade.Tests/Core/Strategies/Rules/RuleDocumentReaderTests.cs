using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Tests.Core.Strategies.Rules;

public class RuleDocumentReaderTests
{
    private static RuleReadResult Read(string json) => RuleDocumentReader.Read(json);

    private static string[] Errors(RuleReadResult result, string path)
    {
        Assert.False(result.IsValid);
        Assert.True(result.Errors.TryGetValue(path, out var messages), $"No error at {path}; errors: {string.Join(" | ", result.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)))}");
        return messages;
    }

    [Fact]
    public void Reads_the_example_of_the_language_with_defaults_filled_in()
    {
        var result = Read("""
            {"version": 1,
             "entry": {"all": [
                {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}},
                {"left": {"ind": "rsi"}, "op": "<", "right": 70},
                {"left": {"ind": "macd", "fast": 12, "slow": 26, "signal": 9, "out": "histogram"}, "op": "rising", "over": 2}
             ]},
             "exit": {"any": [
                {"left": "close", "op": "<", "right": {"ind": "bollinger", "out": "lower", "source": "hlc3", "shift": 1}},
                {"not": {"left": {"price": "volume", "shift": 2}, "op": ">=", "right": 0.5}}
             ]}}
            """);
        Assert.True(result.IsValid, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        var entry = Assert.IsType<RuleGroup>(result.Document!.Entry);
        Assert.Equal(RuleGroupKind.All, entry.Kind);
        var rsi = Assert.IsType<RuleComparison>(entry.Items[1]);
        var left = Assert.IsType<IndicatorOperand>(rsi.Left);
        Assert.Equal(14m, left.Parameters["period"]);
        Assert.Equal("value", left.Output);
        Assert.Equal(new NumberOperand(70), rsi.Right);
        var rising = Assert.IsType<RuleComparison>(entry.Items[2]);
        Assert.Equal((RuleOperator.Rising, 2, (RuleOperand?)null), (rising.Operator, rising.Over, rising.Right));
        var exit = Assert.IsType<RuleGroup>(result.Document.Exit);
        var band = Assert.IsType<IndicatorOperand>(Assert.IsType<RuleComparison>(exit.Items[0]).Right);
        Assert.Equal((PriceField.Hlc3, 1, 20m, 2m), (band.Source, band.Shift, band.Parameters["period"], band.Parameters["std_dev"]));
        var not = Assert.IsType<RuleNot>(exit.Items[1]);
        Assert.Equal(new PriceOperand(PriceField.Volume, 2), Assert.IsType<RuleComparison>(not.Inner).Left);
    }

    [Fact]
    public void Lists_every_problem_with_its_path()
    {
        var result = Read("""
            {"version": 1,
             "entry": {"all": [
                {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 1}},
                {"left": {"ind": "rsi", "period": 14.5}, "op": "<", "right": 70},
                {"left": {"ind": "supertrendz"}, "op": ">", "right": 1},
                {"left": {"ind": "macd", "out": "hist"}, "op": ">", "right": 0},
                {"left": {"ind": "macd"}, "op": ">", "right": 0},
                {"left": "closing", "op": "=>", "right": 5},
                {"left": 1, "op": "<", "right": 2},
                {"left": {"ind": "atr", "source": "high"}, "op": "rising"},
                {"left": {"ind": "macd", "fast": 30, "slow": 20, "out": "line"}, "op": ">", "right": 0},
                {"left": {"price": "close", "shift": 501}, "op": ">", "right": 1e20},
                {"left": "close", "op": "rising", "over": 101, "right": 3},
                {"left": {"ind": "ema", "length": 9}, "op": ">", "right": "open"}
             ]},
             "exit": {"any": []},
             "extra": true}
            """);
        Assert.Contains("Period must be at least 2 and at most 1000 (got 1).", Errors(result, "entry.all[0].right.period"));
        Assert.Contains("Period must be a whole number.", Errors(result, "entry.all[1].left.period"));
        Assert.Contains("Unknown indicator \"supertrendz\"", Errors(result, "entry.all[2].left.ind")[0]);
        Assert.Contains("no output \"hist\"; choose line, signal, histogram", Errors(result, "entry.all[3].left.out")[0]);
        Assert.Contains("several outputs", Errors(result, "entry.all[4].left.out")[0]);
        Assert.Contains("Unknown price field \"closing\"", Errors(result, "entry.all[5].left")[0]);
        Assert.Contains("Unknown operator \"=>\"", Errors(result, "entry.all[5].op")[0]);
        Assert.Contains("Both sides are numbers", Errors(result, "entry.all[6]")[0]);
        Assert.Contains("takes no source", Errors(result, "entry.all[7].left.source")[0]);
        Assert.Contains("Required", Errors(result, "entry.all[7].over")[0]);
        Assert.Contains("Fast period must be smaller than the slow period.", Errors(result, "entry.all[8].left.fast"));
        Assert.Contains("between 0 and 500 (got 501)", Errors(result, "entry.all[9].left.shift")[0]);
        Assert.Contains("(got 1e20)", Errors(result, "entry.all[9].right")[0]);
        Assert.Contains("between 1 and 100 (got 101)", Errors(result, "entry.all[10].over")[0]);
        Assert.Contains("remove \"right\"", Errors(result, "entry.all[10].right")[0]);
        Assert.Contains("it has period", Errors(result, "entry.all[11].left.length")[0]);
        Assert.Contains("at least one condition", Errors(result, "exit.any")[0]);
        Assert.Contains("Unknown key", Errors(result, "extra")[0]);
        Assert.True(18 == result.Errors.Sum(e => e.Value.Length), string.Join("\n", result.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
    }

    [Fact]
    public void The_document_needs_a_version_and_an_entry_and_must_be_an_object()
    {
        var empty = Read("{}");
        Assert.Contains("Required", Errors(empty, "version")[0]);
        Assert.Contains("Required", Errors(empty, "entry")[0]);
        Assert.Contains("not supported", Errors(Read("""{"version": 2, "entry": {"left": "close", "op": ">", "right": 1}}"""), "version")[0]);
        Assert.Contains("JSON object", Errors(Read("[1]"), RuleDocumentReader.DocumentKey)[0]);
        Assert.Contains("Not valid JSON", Errors(Read("{\"version\": 1,"), RuleDocumentReader.DocumentKey)[0]);
        Assert.Contains("A condition is", Errors(Read("""{"version": 1, "entry": {"left": "close", "op": ">", "right": 1}, "exit": [1]}"""), "exit")[0]);
        Assert.Contains("as an object", Errors(Read("""{"version": 1, "entry": {"left": "rsi", "op": "<", "right": 30}}"""), "entry.left")[0]);
        Assert.True(Read("""{"version": 1, "entry": {"left": "close", "op": ">", "right": 1}}""").IsValid);
    }

    [Fact]
    public void Caps_depth_size_indicators_and_warm_up()
    {
        var deep = "{\"left\": \"close\", \"op\": \">\", \"right\": 1}";
        for (var i = 0; i < RuleLimits.MaxDepth + 1; i++) deep = $"{{\"all\": [{deep}]}}";
        Assert.Contains("at most 6 levels", Errors(Read($$"""{"version": 1, "entry": {{deep}}}"""), "entry.all[0].all[0].all[0].all[0].all[0].all[0]")[0]);

        var comparisons = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"left": "close", "op": ">", "right": {{i}}}"""));
        var three = "{\"version\": 1, \"entry\": {\"all\": [{\"all\": [" + comparisons + "]}, {\"all\": [" + comparisons + "]}]}, \"exit\": {\"all\": [" + comparisons + "]}}";
        Assert.Contains("at most 40 comparisons", Errors(Read(three), "exit.all[0]")[0]);

        var many = string.Join(",", Enumerable.Range(2, 17).Select(p => $$"""{"left": {"ind": "sma", "period": {{p}}}, "op": ">", "right": 1}"""));
        Assert.Contains("at most 16 different indicators", Errors(Read("{\"version\": 1, \"entry\": {\"any\": [" + many + "]}}"), "entry.any[16].left")[0]);

        var tooMany = string.Join(",", Enumerable.Range(0, 21).Select(i => """{"left": "close", "op": ">", "right": 1}"""));
        Assert.Contains("at most 20 conditions", Errors(Read("{\"version\": 1, \"entry\": {\"any\": [" + tooMany + "]}}"), "entry.any")[0]);

        var longest = """{"version": 1, "entry": {"left": {"ind": "macd", "fast": 12, "slow": 1000, "signal": 500, "out": "line", "shift": 500}, "op": "rising", "over": 100}}""";
        Assert.Contains("need 2,099 candles of history", Errors(Read(longest), RuleDocumentReader.DocumentKey)[0]);
        Assert.True(Read(longest.Replace("\"over\": 100", "\"over\": 1")).IsValid);
    }

    [Fact]
    public void The_writer_gives_the_canonical_form_and_reads_back_to_the_same_document()
    {
        var source = """
            {"version": 1,
             "entry": {"all": [{"left": {"ind": "bollinger", "std_dev": 2.50, "out": "percent_b", "source": "close"}, "op": "<=", "right": 0.0},
                               {"not": {"left": {"price": "high", "shift": 0}, "op": "falling", "over": 3}}]}}
            """;
        var document = Read(source).Document!;
        var json = RuleDocumentWriter.ToJson(document, indented: false);
        Assert.Equal("""{"version":1,"entry":{"all":[{"left":{"ind":"bollinger","period":20,"std_dev":2.5,"out":"percent_b"},"op":"<=","right":0},{"not":{"left":"high","op":"falling","over":3}}]}}""", json);
        Assert.Equal(json, RuleDocumentWriter.ToJson(Read(json).Document!, indented: false));
    }
}
