using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Cli.Commands;

internal static class StrategyCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every strategy with its parameters, then the rule language: operators, price fields, indicators.</summary>
    public static async Task<int> ListAsync(CliArgs args, TextWriter stdout)
    {
        var json = args.Has("json");
        args.EnsureNoUnknownOptions();
        await stdout.WriteAsync(json ? JsonSerializer.Serialize(Catalog(), Indented) + Environment.NewLine : Text());
        return 0;
    }

    /// <summary>The rule document equivalent to built-in NAME with --params, ready to be a rules strategy's strategy_params.</summary>
    public static async Task<int> TemplateAsync(CliArgs args, TextWriter stdout)
    {
        var name = args.Positionals.ElementAtOrDefault(2)
            ?? throw new CliException($"Name the built-in strategy: strategies template NAME [--params JSON]; one of {string.Join(", ", RuleTemplates.Names)}.");
        if (args.Positionals.Count > 3) throw new CliException($"Unexpected argument '{args.Positionals[3]}'.");
        var raw = args.Get("params") ?? "{}";
        args.EnsureNoUnknownOptions();

        JsonDocument parameters;
        try
        {
            parameters = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw new CliException($"--params is not valid JSON: {ex.Message}");
        }
        using (parameters)
        {
            var result = RuleTemplates.TryFor(name, parameters.RootElement);
            if (!result.IsValid)
                throw new CliException($"Cannot build the {name} template:" + Lines(result.Errors));
            await stdout.WriteLineAsync(RuleDocumentWriter.ToJson(result.Document!));
        }
        return 0;
    }

    /// <summary>
    /// Checks a rule document, or a {"strategy_type": …, "strategy_params": …} pair of any strategy, with the validator
    /// the form, the backtester and the runtime use. Exit 0 and a plain-language summary when valid, 2 with every
    /// problem by path otherwise.
    /// </summary>
    public static async Task<int> ValidateAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        var path = args.Require("file");
        args.EnsureNoUnknownOptions();
        if (!File.Exists(path)) throw new CliException($"No such file: {path}");
        var text = await File.ReadAllTextAsync(path, ct);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path} is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("strategy_type", out var type))
                return await ValidatePairAsync(root, type, stdout);
            var read = RuleDocumentReader.Read(text);
            if (!read.IsValid)
                throw new CliException("The rule document is invalid:" + Lines(read.Errors));
            await stdout.WriteLineAsync("Valid rule document. " + Summary(read.Document!));
            return 0;
        }
    }

    private static async Task<int> ValidatePairAsync(JsonElement root, JsonElement type, TextWriter stdout)
    {
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("strategy_type" or "strategy_params"))
                throw new CliException($"Unknown key '{property.Name}': a strategy file has strategy_type and strategy_params, or is a rule document.");
        var name = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        if (!StrategyRegistry.TryGet(name, out var definition))
            throw new CliException($"strategy_type: choose one of {string.Join(", ", StrategyRegistry.All.Select(s => s.Type))}.");
        var parameters = root.TryGetProperty("strategy_params", out var p) ? p : default;
        var result = definition.Validate(parameters);
        if (!result.IsValid)
        {
            var errors = new ValidationErrors();
            foreach (var (field, messages) in result.Errors)
                foreach (var message in messages)
                    errors.Add(field == RuleDocumentReader.DocumentKey ? field : "strategy_params." + field, message);
            throw new CliException($"The {definition.Type} strategy_params are invalid:" + Lines(errors.ToDictionary()));
        }
        await stdout.WriteLineAsync(result.Parameters!.Rules is { } rules
            ? "Valid rules strategy. " + Summary(rules)
            : $"Valid {definition.Type} ({definition.DisplayName}), warm-up {definition.WarmUpPeriod(result.Parameters):N0} candles.");
        return 0;
    }

    private static string Summary(RuleDocument document)
    {
        var compiled = RuleCompiler.Compile(document);
        return $"{RuleDescriber.Describe(document)} Warm-up {compiled.WarmUpPeriod:N0} candles, {compiled.IndicatorInstances} indicator instance(s).";
    }

    private static string Lines(IReadOnlyDictionary<string, string[]> errors) =>
        Environment.NewLine + string.Join(Environment.NewLine, ValidationErrors.Describe(errors).Select(l => "  " + l));

    private static string Text()
    {
        var t = new StringBuilder();
        foreach (var s in StrategyRegistry.All)
        {
            t.AppendLine($"{s.Type} — {s.DisplayName}");
            t.AppendLine($"  {s.Description}");
            foreach (var p in s.Parameters)
                t.AppendLine($"  {p.Name,-16} {Kind(p.Kind),-8} default {F(p.Default),-6} {p.RangeText}");
            if (s.TakesRuleDocument)
                t.AppendLine("  strategy_params is a rule document (docs/strategies.md); templates of the built-ins: strategies template NAME");
            t.AppendLine();
        }
        t.AppendLine("Rule language, version " + RuleDocument.CurrentVersion);
        t.AppendLine("  groups     all, any, not");
        t.AppendLine("  operators  " + string.Join(" ", RuleOperators.All.Select(o => o.Name)) + $" (rising/falling take \"over\": {RuleLimits.MinOver}–{RuleLimits.MaxOver} candles)");
        t.AppendLine("  prices     " + string.Join(" ", PriceFields.All.Select(f => f.Name)) + $" (any operand takes \"shift\": 0–{RuleLimits.MaxShift} candles back)");
        t.AppendLine($"  limits     {RuleLimits.MaxDepth} levels of groups, {RuleLimits.MaxGroupItems} conditions per group, {RuleLimits.MaxComparisons} comparisons, {RuleLimits.MaxIndicators} indicators, warm-up {RuleLimits.MaxWarmUp} candles");
        t.AppendLine();
        t.AppendLine("Indicators rules may use:");
        foreach (var i in RuleIndicators.All)
        {
            t.AppendLine($"  {i.Name,-12} {i.Title}{(i.TakesSource ? " (source: any price field, default close)" : "")}");
            t.AppendLine($"               {i.Description}");
            foreach (var p in i.Parameters)
                t.AppendLine($"               {p.Name,-14} {Kind(p.Kind),-8} default {F(p.Default),-6} {p.RangeText}");
            t.AppendLine($"               out: {string.Join(", ", i.Outputs.Select(o => o.Name))}{(i.HasSeveralOutputs ? " (required)" : "")}");
        }
        return t.ToString();
    }

    private static object Catalog() => new
    {
        strategies = StrategyRegistry.All.Select(s => new
        {
            type = s.Type,
            name = s.DisplayName,
            description = s.Description,
            rule_document = s.TakesRuleDocument,
            parameters = s.Parameters.Select(Parameter),
        }),
        rules = new
        {
            version = RuleDocument.CurrentVersion,
            groups = new[] { "all", "any", "not" },
            operators = RuleOperators.All.Select(o => o.Name),
            price_fields = PriceFields.All.Select(f => f.Name),
            limits = new
            {
                max_depth = RuleLimits.MaxDepth,
                max_group_items = RuleLimits.MaxGroupItems,
                max_comparisons = RuleLimits.MaxComparisons,
                max_indicators = RuleLimits.MaxIndicators,
                max_shift = RuleLimits.MaxShift,
                min_over = RuleLimits.MinOver,
                max_over = RuleLimits.MaxOver,
                max_warm_up = RuleLimits.MaxWarmUp,
            },
            indicators = RuleIndicators.All.Select(i => new
            {
                name = i.Name,
                title = i.Title,
                description = i.Description,
                takes_source = i.TakesSource,
                parameters = i.Parameters.Select(Parameter),
                outputs = i.Outputs.Select(o => o.Name),
            }),
        },
    };

    private static object Parameter(StrategyParameter p) => new
    {
        name = p.Name,
        label = p.Label,
        kind = Kind(p.Kind),
        @default = p.Default,
        min = p.Min,
        max = p.Max,
        min_exclusive = p.MinExclusive,
        max_exclusive = p.MaxExclusive,
        help = p.Help,
    };

    private static string F(decimal value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);

    private static string Kind(ParameterKind kind) => kind == ParameterKind.Integer ? "integer" : "decimal";
}
