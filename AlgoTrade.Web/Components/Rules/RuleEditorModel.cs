using System.Text.Json;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>
/// The rule editor's state: entry and exit trees that convert to and from Core's <see cref="RuleDocument"/>, plus
/// JSON text typed in the JSON view that does not read as a valid document yet. Validation is Core's alone
/// (<see cref="RuleDocumentReader"/>, through the form's validator); the editor never decides what is valid.
/// </summary>
public sealed class RuleEditorModel
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    private RuleEditorModel(RuleDocument document) => Load(document);

    public RuleNodeModel Entry { get; set; } = default!;

    /// <summary>Null: positions close only through the risk settings.</summary>
    public RuleNodeModel? Exit { get; set; }

    /// <summary>Text of the JSON view that is not a valid document; the visual tree keeps the last valid rules meanwhile.</summary>
    public string? PendingJson { get; private set; }

    /// <summary>The reader's problems with <see cref="PendingJson"/>, keyed by path.</summary>
    public IReadOnlyDictionary<string, string[]> PendingErrors { get; private set; } = None;

    public static RuleEditorModel From(RuleDocument document) => new(document);

    /// <summary>New rules start as the EMA cross + RSI filter strategy with its default numbers: valid and easy to read.</summary>
    public static RuleEditorModel Starter() => new(Template(StrategyRegistry.EmaCrossRsi));

    public static RuleDocument Template(StrategyDefinition builtIn) => RuleTemplates.For(builtIn.Type, builtIn.Defaults);

    /// <summary>Stored <c>strategy_params</c>: read into the tree, or kept as JSON text with its problems when they do not read.</summary>
    public static RuleEditorModel FromStrategyParams(JsonElement json)
    {
        var read = RuleDocumentReader.Read(json);
        if (read.IsValid) return new RuleEditorModel(read.Document!);
        var model = Starter();
        model.PendingJson = json.ValueKind == JsonValueKind.Undefined ? "" : json.GetRawText();
        model.PendingErrors = read.Errors;
        return model;
    }

    public void Load(RuleDocument document)
    {
        Entry = RuleNodeModel.From(document.Entry);
        Exit = document.Exit is null ? null : RuleNodeModel.From(document.Exit);
        DiscardJson();
    }

    public RuleDocument ToDocument() => new(RuleDocument.CurrentVersion, Entry.ToNode(), Exit?.ToNode());

    public string ToJson() => RuleDocumentWriter.ToJson(ToDocument());

    public string Describe() => RuleDescriber.Describe(ToDocument());

    /// <summary>Reads JSON view text: a valid document replaces the tree; otherwise the text and its problems are kept.</summary>
    public bool ApplyJson(string text)
    {
        var read = RuleDocumentReader.Read(text);
        if (read.IsValid)
        {
            Load(read.Document!);
            return true;
        }
        PendingJson = text;
        PendingErrors = read.Errors;
        return false;
    }

    public void DiscardJson()
    {
        PendingJson = null;
        PendingErrors = None;
    }

    /// <summary>
    /// What the form validates and saves: JSON view text that parses (so the validator reports its problems by path),
    /// otherwise the tree.
    /// </summary>
    public JsonDocument ToStrategyParams() =>
        PendingJson is { } text && TryParse(text) is { } pending ? pending : RuleDocumentWriter.ToJsonDocument(ToDocument());

    /// <summary>Problems the validator cannot see because the JSON view's text is not JSON at all.</summary>
    public IReadOnlyDictionary<string, string[]> ReadErrors =>
        PendingJson is { } text && TryParse(text) is null ? PendingErrors : None;

    public static RuleComparisonModel NewComparison() => new();

    public static RuleGroupModel NewGroup(RuleGroupKind kind) => new(kind, [NewComparison()]);

    public static RuleNotModel NewNot() => new(NewComparison());

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
