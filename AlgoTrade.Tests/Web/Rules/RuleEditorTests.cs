using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Rules;
using Bunit;
using MudBlazor;

namespace AlgoTrade.Tests.Web.Rules;

/// <summary>The rule editor on its own: edits go into the model, the preview and JSON come from Core, errors land on their field.</summary>
public class RuleEditorTests : MudBunitContext
{
    private const string StarterPreview =
        "Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.";

    private int _changes;

    private IRenderedComponent<RuleEditor> RenderEditor(RuleEditorModel model, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Render<RuleEditor>(p => p
            .Add(e => e.Model, model)
            .Add(e => e.Errors, errors ?? new Dictionary<string, string[]>())
            .Add(e => e.Changed, () => _changes++));

    private static IRenderedComponent<MudSelect<T>> Select<T>(IRenderedComponent<RuleEditor> cut, string field) =>
        cut.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-field"), field));

    // Blazor renders a textarea's text as its value attribute.
    private static string JsonText(IRenderedComponent<RuleEditor> cut)
    {
        var area = cut.Find("#rule-json");
        return area.GetAttribute("value") ?? area.TextContent;
    }

    /// <summary>The validator's messages for the model as the bot form gets them: Core's reader, keys prefixed.</summary>
    private static Dictionary<string, string[]> Validate(RuleEditorModel model)
    {
        using var json = model.ToStrategyParams();
        return StrategyRegistry.Rules.Validate(json.RootElement).Errors
            .ToDictionary(kv => kv.Key == RuleDocumentReader.DocumentKey ? kv.Key : "strategy_params." + kv.Key, kv => kv.Value);
    }

    [Fact]
    public void New_rules_start_as_the_ema_cross_template_and_read_as_a_sentence()
    {
        var cut = RenderEditor(RuleEditorModel.Starter());
        Assert.Equal(StarterPreview, cut.Find("#rule-preview").TextContent);
        Assert.Equal("all", cut.Find(".rule-group[data-path='entry']").GetAttribute("data-kind"));
        Assert.Equal(2, cut.FindAll(".rule-group[data-path='entry'] > .rule-group-items > .rule-comparison").Count);
        Assert.Equal("12", cut.Find("#rule-entry-all-0-left-period").GetAttribute("value"));
        Assert.Equal("26", cut.Find("#rule-entry-all-0-right-period").GetAttribute("value"));
        Assert.Empty(cut.FindAll("#rule-problems"));
    }

    [Fact]
    public async Task Adding_a_condition_and_changing_its_indicator_changes_the_document_and_the_preview()
    {
        var model = RuleEditorModel.Starter();
        var cut = RenderEditor(model);

        await cut.InvokeAsync(() => cut.Find(".rule-add-condition[data-path='entry']").Click());
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".rule-group[data-path='entry'] > .rule-group-items > .rule-comparison").Count));
        Assert.StartsWith("Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70 and RSI(14) < 70.", cut.Find("#rule-preview").TextContent);

        await cut.InvokeAsync(() => Select<string>(cut, "entry.all[2].left.ind").Instance.ValueChanged.InvokeAsync("adx"));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#rule-entry-all-2-left-period")));
        // ADX has three outputs: the output list appears; its parameter starts at the catalogue's default.
        Assert.Equal("14", cut.Find("#rule-entry-all-2-left-period").GetAttribute("value"));
        await cut.InvokeAsync(() => Select<string>(cut, "entry.all[2].left.out").Instance.ValueChanged.InvokeAsync("plus_di"));
        cut.Find("#rule-entry-all-2-left-period").Change("10");
        await cut.InvokeAsync(() => Select<RuleOperator>(cut, "entry.all[2].op").Instance.ValueChanged.InvokeAsync(RuleOperator.GreaterThan));
        cut.Find("#rule-entry-all-2-right").Change("20");

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70 and +DI(10) > 20.", cut.Find("#rule-preview").TextContent));
        var entry = Assert.IsType<RuleGroup>(model.ToDocument().Entry);
        Assert.Equal(
            new RuleComparison(new IndicatorOperand("adx", new Dictionary<string, decimal> { ["period"] = 10 }, "plus_di"), RuleOperator.GreaterThan, new NumberOperand(20)),
            entry.Items[2]);
        Assert.True(_changes >= 5);

        // Rising over N candles has no right side.
        await cut.InvokeAsync(() => Select<RuleOperator>(cut, "entry.all[2].op").Instance.ValueChanged.InvokeAsync(RuleOperator.Rising));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#rule-entry-all-2-over")));
        Assert.Empty(cut.FindAll("#rule-entry-all-2-right"));
        Assert.Contains("+DI(10) is rising over 3 candles.", cut.Find("#rule-preview").TextContent, StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.Find(".rule-comparison[data-path='entry.all[0]'] .rule-remove").Click());
        cut.WaitForAssertion(() => Assert.StartsWith("Enter when RSI(14) < 70 and +DI(10) is rising over 3 candles.", cut.Find("#rule-preview").TextContent));
    }

    [Fact]
    public void The_validators_messages_land_on_their_fields_and_in_the_summary()
    {
        var model = RuleEditorModel.Starter();
        var cut = RenderEditor(model);
        cut.Find("#rule-entry-all-0-left-period").Change("1");
        cut.Find("#rule-exit-any-1-right").Change("2000000000000");
        var errors = Validate(model);
        Assert.Equal(["strategy_params.entry.all[0].left.period", "strategy_params.exit.any[1].right"], errors.Keys.Order());

        cut.Render(p => p.Add(e => e.Errors, errors));

        var period = cut.Find("#rule-entry-all-0-left-period").Closest(".mud-input-control")!;
        Assert.Contains("mud-input-error", period.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Period must be at least 2 and at most 1000 (got 1).", period.TextContent, StringComparison.Ordinal);
        var number = cut.Find("#rule-exit-any-1-right").Closest(".mud-input-control")!;
        Assert.Contains("Numbers must be between", number.TextContent, StringComparison.Ordinal);
        // The other fields stay clean.
        Assert.DoesNotContain("mud-input-error", cut.Find("#rule-entry-all-0-right-period").Closest(".mud-input-control")!.InnerHtml, StringComparison.Ordinal);

        var summary = cut.FindAll("#rule-problems .rule-problem");
        Assert.Equal(2, summary.Count);
        Assert.Contains(summary, li => li.TextContent.StartsWith("Entry › condition 1 › left side › period: Period must be at least 2", StringComparison.Ordinal));
        Assert.Contains(summary, li => li.TextContent.StartsWith("Exit › condition 2 › right side: Numbers must be", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_left_empty_shows_the_message_on_the_group()
    {
        var model = RuleEditorModel.From(RuleTemplates.MacdCross(12, 26, 9));
        model.Exit = RuleEditorModel.NewGroup(RuleGroupKind.Any);
        ((RuleGroupModel)model.Exit).Items.Clear();
        var cut = RenderEditor(model, Validate(model));
        var error = cut.Find(".rule-group[data-path='exit'] .rule-error");
        Assert.Equal("exit.any", error.GetAttribute("data-at"));
        Assert.Equal("Add at least one condition, or remove the group.", error.TextContent);
    }

    [Fact]
    public async Task The_json_view_round_trips_with_the_visual_editor_and_lists_problems_by_path()
    {
        var model = RuleEditorModel.Starter();
        var cut = RenderEditor(model);
        await cut.InvokeAsync(() => cut.Find("#rule-view-json").Click());
        cut.WaitForAssertion(() => Assert.Equal(RuleDocumentWriter.ToJson(model.ToDocument()), JsonText(cut)));

        // Valid JSON replaces the tree, and the visual editor shows it.
        var macd = RuleDocumentWriter.ToJson(RuleTemplates.MacdCross(5, 35, 5));
        cut.Find("#rule-json").Change(macd);
        cut.WaitForAssertion(() => Assert.Equal("Enter when MACD(5, 35, 5) line crosses above MACD(5, 35, 5) signal. Exit when MACD(5, 35, 5) line crosses below MACD(5, 35, 5) signal.",
            cut.Find("#rule-preview").TextContent));
        Assert.Equal(RuleTemplates.MacdCross(5, 35, 5).Entry, model.ToDocument().Entry);
        await cut.InvokeAsync(() => cut.Find("#rule-view-visual").Click());
        cut.WaitForAssertion(() => Assert.Equal("35", cut.Find("#rule-entry-left-slow").GetAttribute("value")));
        cut.Find("#rule-entry-left-slow").Change("40");
        await cut.InvokeAsync(() => cut.Find("#rule-view-json").Click());
        cut.WaitForAssertion(() => Assert.Equal(model.ToJson(), JsonText(cut)));
        Assert.Contains("""{"left": {"ind": "macd", "fast": 5, "slow": 40, "signal": 5, "out": "line"}""", JsonText(cut), StringComparison.Ordinal);

        // Invalid JSON is kept with the reader's problems; the tree keeps the last valid rules and the form gets the text.
        const string bad = """{"version": 1, "entry": {"left": {"ind": "ema", "period": 1}, "op": "crosses_above", "right": "close"}}""";
        cut.Find("#rule-json").Change(bad);
        cut.WaitForAssertion(() => Assert.Contains("entry.left.period", cut.Find("#rule-json-problems").TextContent, StringComparison.Ordinal));
        Assert.Contains("Period must be at least 2", cut.Find("#rule-json-problems").TextContent, StringComparison.Ordinal);
        Assert.Equal(bad, model.PendingJson);
        using (var pending = model.ToStrategyParams())
            Assert.Equal(bad, pending.RootElement.GetRawText());
        Assert.Equal("—", cut.Find("#rule-preview").TextContent);

        cut.Find("#rule-json").Change("{not json");
        cut.WaitForAssertion(() => Assert.Contains("Not valid JSON", cut.Find("#rule-json-problems").TextContent, StringComparison.Ordinal));
        Assert.Equal(["strategy_params"], model.ReadErrors.Keys);

        await cut.InvokeAsync(() => cut.Find("#rule-view-visual").Click());
        await cut.InvokeAsync(() => cut.Find("#rule-discard-json").Click());
        cut.WaitForAssertion(() => Assert.StartsWith("Enter when MACD(5, 40, 5) line crosses above", cut.Find("#rule-preview").TextContent));
        Assert.Null(model.PendingJson);
        Assert.Empty(model.ReadErrors);
    }

    [Fact]
    public async Task A_template_replaces_the_rules_and_export_downloads_the_document()
    {
        var popovers = Render<MudPopoverProvider>();
        var model = RuleEditorModel.Starter();
        var cut = RenderEditor(model);

        await cut.InvokeAsync(() => cut.FindComponent<MudMenu>().Find("button").Click());
        popovers.WaitForAssertion(() => Assert.Equal(4, popovers.FindAll(".rule-template").Count));
        await popovers.InvokeAsync(() => popovers.Find(".rule-template[data-template='bollinger_reversion']").Click());

        cut.WaitForAssertion(() => Assert.Equal(
            "Enter when close 1 candle ago < BB(20, 2) lower band 1 candle ago and close > BB(20, 2) lower band. Exit when close ≥ BB(20, 2) middle band.",
            cut.Find("#rule-preview").TextContent));
        Assert.Equal(RuleTemplates.BollingerReversion(20, 2), model.ToDocument(), new DocumentJson());
        Assert.Contains("Bollinger band reversion", cut.Find("#rule-notice").TextContent, StringComparison.Ordinal);

        var export = cut.Find("#rule-export");
        Assert.Equal("rules.json", export.GetAttribute("download"));
        var href = export.GetAttribute("href")!;
        const string prefix = "data:application/json;charset=utf-8,";
        Assert.StartsWith(prefix, href, StringComparison.Ordinal);
        var exported = RuleDocumentReader.Read(Uri.UnescapeDataString(href[prefix.Length..]));
        Assert.True(exported.IsValid);
        Assert.Equal(RuleTemplates.BollingerReversion(20, 2), exported.Document, new DocumentJson());
    }

    [Fact]
    public async Task Importing_a_file_reads_it_like_the_json_view()
    {
        var model = RuleEditorModel.Starter();
        var cut = RenderEditor(model);

        var upload = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();
        upload.UploadFiles(InputFileContent.CreateFromText(RuleDocumentWriter.ToJson(RuleTemplates.RsiMeanReversion(7, 25, 75)), "mine.json"));
        cut.WaitForAssertion(() => Assert.Equal("Imported mine.json.", cut.Find("#rule-notice").TextContent));
        Assert.Equal("Enter when RSI(7) crosses above 25. Exit when RSI(7) crosses above 75.", cut.Find("#rule-preview").TextContent);

        upload = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();
        upload.UploadFiles(InputFileContent.CreateFromText("""{"version": 2, "entry": {"left": "close", "op": "rising"}}""", "old.json"));
        cut.WaitForAssertion(() => Assert.Contains("old.json does not hold valid rules", cut.Find("#rule-notice").TextContent, StringComparison.Ordinal));
        var problems = cut.Find("#rule-json-problems").TextContent;
        Assert.Contains("version", problems, StringComparison.Ordinal);
        Assert.Contains("entry.over", problems, StringComparison.Ordinal);
        Assert.Equal("Enter when RSI(7) crosses above 25. Exit when RSI(7) crosses above 75.", RuleDescriber.Describe(model.ToDocument()));
    }

    /// <summary>Documents compared by their canonical JSON (records with dictionaries inside do not compare by value).</summary>
    private sealed class DocumentJson : IEqualityComparer<RuleDocument?>
    {
        public bool Equals(RuleDocument? x, RuleDocument? y) =>
            x is not null && y is not null && RuleDocumentWriter.ToJson(x) == RuleDocumentWriter.ToJson(y);

        public int GetHashCode(RuleDocument? obj) => obj is null ? 0 : RuleDocumentWriter.ToJson(obj).GetHashCode(StringComparison.Ordinal);
    }
}
