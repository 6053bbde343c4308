using System.Text.Json;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// Reads and validates a rule document. Every problem is reported at once with the path of the offending value
/// (<c>entry.all[1].right.period</c>); problems of the document as a whole use the key <see cref="DocumentKey"/>.
/// </summary>
public static class RuleDocumentReader
{
    public const string DocumentKey = "strategy_params";

    private static readonly string Conditions =
        """A condition is {"all": [...]}, {"any": [...]}, {"not": {...}} or a comparison {"left": ..., "op": ..., "right": ...}.""";

    private static readonly string OperandForms =
        """An operand is a number, a price field ("close") or {"price": "close", "shift": 1}, or an indicator {"ind": "ema", "period": 12}.""";

    public static RuleReadResult Read(string json)
    {
        if (json.Length > RuleLimits.MaxJsonLength)
            return Fail($"The rule document is {json.Length:N0} characters long; at most {RuleLimits.MaxJsonLength:N0} are allowed.");
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            return Fail($"Not valid JSON: {ex.Message}");
        }
    }

    public static RuleReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Fail("""The rule document must be a JSON object: {"version": 1, "entry": {...}, "exit": {...}}.""");
        var context = new Context(new ValidationErrors());
        var e = context.Errors;

        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("version" or "entry" or "exit"))
                e.Add(property.Name, "Unknown key; a rule document has version, entry and exit.");

        if (!root.TryGetProperty("version", out var version) || version.ValueKind == JsonValueKind.Null)
            e.Add("version", $"Required: \"version\": {RuleDocument.CurrentVersion}.");
        else if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
            e.Add("version", $"Must be the whole number {RuleDocument.CurrentVersion}.");
        else if (v != RuleDocument.CurrentVersion)
            e.Add("version", $"Version {v} is not supported; this server reads version {RuleDocument.CurrentVersion}.");

        RuleNode? entry = null;
        if (!root.TryGetProperty("entry", out var entryJson) || entryJson.ValueKind == JsonValueKind.Null)
            e.Add("entry", "Required: the conditions under which the strategy buys.");
        else
            entry = context.Node(entryJson, "entry", 0);

        RuleNode? exit = null;
        if (root.TryGetProperty("exit", out var exitJson) && exitJson.ValueKind != JsonValueKind.Null)
            exit = context.Node(exitJson, "exit", 0);

        if (!e.IsEmpty || entry is null)
            return new RuleReadResult(null, e.ToDictionary());

        var document = new RuleDocument(RuleDocument.CurrentVersion, entry, exit);
        var warmUp = RuleCompiler.WarmUpPeriod(document);
        if (warmUp > RuleLimits.MaxWarmUp)
        {
            e.Add(DocumentKey, $"These rules need {warmUp:N0} candles of history before their first signal; at most {RuleLimits.MaxWarmUp:N0} are allowed. Shorten periods, shifts or look-backs.");
            return new RuleReadResult(null, e.ToDictionary());
        }
        return new RuleReadResult(document, e.ToDictionary());
    }

    private static RuleReadResult Fail(string message) =>
        new(null, new Dictionary<string, string[]> { [DocumentKey] = [message] });

    private sealed class Context(ValidationErrors errors)
    {
        private readonly HashSet<string> _instances = new(StringComparer.Ordinal);
        private int _comparisons;
        private bool _tooManyComparisons;
        private bool _tooManyIndicators;

        public ValidationErrors Errors { get; } = errors;

        public RuleNode? Node(JsonElement json, string path, int depth)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(path, Conditions);
                return null;
            }
            if (json.TryGetProperty("all", out var all)) return Group(json, RuleGroupKind.All, "all", all, path, depth);
            if (json.TryGetProperty("any", out var any)) return Group(json, RuleGroupKind.Any, "any", any, path, depth);
            if (json.TryGetProperty("not", out var not))
            {
                OnlyKey(json, "not", path);
                if (!Deeper(path, depth)) return null;
                var inner = Node(not, path + ".not", depth + 1);
                return inner is null ? null : new RuleNot(inner);
            }
            if (json.TryGetProperty("left", out _) || json.TryGetProperty("op", out _))
                return Comparison(json, path);
            Errors.Add(path, Conditions);
            return null;
        }

        private RuleGroup? Group(JsonElement json, RuleGroupKind kind, string key, JsonElement items, string path, int depth)
        {
            OnlyKey(json, key, path);
            var at = path + "." + key;
            if (items.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(at, $"Must be a list of conditions: \"{key}\": [ ... ].");
                return null;
            }
            var count = items.GetArrayLength();
            if (count == 0)
            {
                Errors.Add(at, "Add at least one condition, or remove the group.");
                return null;
            }
            if (count > RuleLimits.MaxGroupItems)
            {
                Errors.Add(at, $"A group holds at most {RuleLimits.MaxGroupItems} conditions (got {count}); nest groups to go further.");
                return null;
            }
            if (!Deeper(path, depth)) return null;
            var nodes = new List<RuleNode>(count);
            var i = 0;
            var failed = false;
            foreach (var item in items.EnumerateArray())
            {
                var node = Node(item, $"{at}[{i++}]", depth + 1);
                if (node is null) failed = true;
                else nodes.Add(node);
            }
            return failed ? null : new RuleGroup(kind, nodes);
        }

        private bool Deeper(string path, int depth)
        {
            if (depth < RuleLimits.MaxDepth) return true;
            Errors.Add(path, $"Groups nest at most {RuleLimits.MaxDepth} levels deep.");
            return false;
        }

        private void OnlyKey(JsonElement json, string key, string path)
        {
            foreach (var property in json.EnumerateObject())
                if (property.Name != key)
                    Errors.Add(path + "." + property.Name, $"Unknown key next to \"{key}\"; a group has only its \"{key}\" list.");
        }

        private RuleComparison? Comparison(JsonElement json, string path)
        {
            if (++_comparisons > RuleLimits.MaxComparisons && !_tooManyComparisons)
            {
                _tooManyComparisons = true;
                Errors.Add(path, $"A rule document holds at most {RuleLimits.MaxComparisons} comparisons.");
            }
            foreach (var property in json.EnumerateObject())
                if (property.Name is not ("left" or "op" or "right" or "over"))
                    Errors.Add(path + "." + property.Name, "Unknown key; a comparison has left, op, right (or over for rising and falling).");

            RuleOperator? op = null;
            if (!json.TryGetProperty("op", out var opJson) || opJson.ValueKind == JsonValueKind.Null)
                Errors.Add(path + ".op", $"Required: one of {OperatorNames}.");
            else if (opJson.ValueKind != JsonValueKind.String || !RuleOperators.TryParse(opJson.GetString(), out var parsed))
                Errors.Add(path + ".op", $"Unknown operator {opJson.GetRawText()}; use one of {OperatorNames}.");
            else
                op = parsed;

            RuleOperand? left = null;
            if (!json.TryGetProperty("left", out var leftJson) || leftJson.ValueKind == JsonValueKind.Null)
                Errors.Add(path + ".left", "Required: " + OperandForms);
            else
                left = Operand(leftJson, path + ".left");

            var unary = op is { } o && RuleOperators.IsUnary(o);
            RuleOperand? right = null;
            var hasRight = json.TryGetProperty("right", out var rightJson) && rightJson.ValueKind != JsonValueKind.Null;
            var hasOver = json.TryGetProperty("over", out var overJson) && overJson.ValueKind != JsonValueKind.Null;
            var over = 0;
            if (unary)
            {
                if (hasRight)
                    Errors.Add(path + ".right", $"\"{RuleOperators.Name(op!.Value)}\" looks at one operand; remove \"right\" and set \"over\" (candles).");
                if (!hasOver)
                    Errors.Add(path + ".over", $"Required: the number of candles, {RuleLimits.MinOver} to {RuleLimits.MaxOver}.");
                else if (overJson.ValueKind != JsonValueKind.Number || !overJson.TryGetInt32(out over) || over < RuleLimits.MinOver || over > RuleLimits.MaxOver)
                    Errors.Add(path + ".over", $"Must be a whole number of candles between {RuleLimits.MinOver} and {RuleLimits.MaxOver} (got {overJson.GetRawText()}).");
                if (left is NumberOperand)
                    Errors.Add(path + ".left", "A number never rises or falls; use a price or an indicator.");
            }
            else
            {
                if (hasOver && op is not null)
                    Errors.Add(path + ".over", $"Only rising and falling take \"over\"; remove it for \"{RuleOperators.Name(op.Value)}\".");
                if (!hasRight)
                {
                    if (op is not null) Errors.Add(path + ".right", "Required: " + OperandForms);
                }
                else
                    right = Operand(rightJson, path + ".right");
                if (left is NumberOperand && right is NumberOperand)
                    Errors.Add(path, "Both sides are numbers; compare a price or an indicator with something.");
            }

            if (op is null || left is null || (!unary && right is null)) return null;
            return new RuleComparison(left, op.Value, right, unary ? over : 0);
        }

        private static string OperatorNames => string.Join(", ", RuleOperators.All.Select(o => o.Name));

        private RuleOperand? Operand(JsonElement json, string path)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Number:
                    if (json.TryGetDecimal(out var number) && Math.Abs(number) <= RuleLimits.MaxNumber)
                        return new NumberOperand(number);
                    Errors.Add(path, $"Numbers must be between -{RuleIndicator.Format(RuleLimits.MaxNumber)} and {RuleIndicator.Format(RuleLimits.MaxNumber)} (got {json.GetRawText()}).");
                    return null;
                case JsonValueKind.String:
                    if (PriceFields.TryParse(json.GetString(), out var field)) return new PriceOperand(field);
                    Errors.Add(path, RuleIndicators.TryGet(json.GetString(), out var named)
                        ? $"Write an indicator as an object: {{\"ind\": \"{named.Name}\", ...}}."
                        : $"Unknown price field {json.GetRawText()}; use {PriceFieldNames}.");
                    return null;
                case JsonValueKind.Object when json.TryGetProperty("price", out var price):
                    return Price(json, price, path);
                case JsonValueKind.Object when json.TryGetProperty("ind", out var ind):
                    return Indicator(json, ind, path);
                default:
                    Errors.Add(path, OperandForms);
                    return null;
            }
        }

        private static string PriceFieldNames => string.Join(", ", PriceFields.All.Select(f => f.Name));

        private PriceOperand? Price(JsonElement json, JsonElement price, string path)
        {
            foreach (var property in json.EnumerateObject())
                if (property.Name is not ("price" or "shift"))
                    Errors.Add(path + "." + property.Name, "Unknown key; a price operand has price and shift.");
            var ok = true;
            if (price.ValueKind != JsonValueKind.String || !PriceFields.TryParse(price.GetString(), out var field))
            {
                Errors.Add(path + ".price", $"Unknown price field {price.GetRawText()}; use {PriceFieldNames}.");
                ok = false;
                field = default;
            }
            var shift = Shift(json, path);
            return ok && shift is not null ? new PriceOperand(field, shift.Value) : null;
        }

        private int? Shift(JsonElement json, string path)
        {
            if (!json.TryGetProperty("shift", out var shift) || shift.ValueKind == JsonValueKind.Null) return 0;
            if (shift.ValueKind == JsonValueKind.Number && shift.TryGetInt32(out var k) && k >= 0 && k <= RuleLimits.MaxShift) return k;
            Errors.Add(path + ".shift", $"Must be a whole number of candles back between 0 and {RuleLimits.MaxShift} (got {shift.GetRawText()}).");
            return null;
        }

        private IndicatorOperand? Indicator(JsonElement json, JsonElement ind, string path)
        {
            if (ind.ValueKind != JsonValueKind.String || !RuleIndicators.TryGet(ind.GetString(), out var indicator))
            {
                Errors.Add(path + ".ind", $"Unknown indicator {ind.GetRawText()}; available: {string.Join(", ", RuleIndicators.All.Select(i => i.Name))}.");
                return null;
            }

            var ok = true;
            var values = indicator.Defaults.ToDictionary(StringComparer.Ordinal);
            var source = PriceField.Close;
            string? output = null;
            var outputGiven = json.TryGetProperty("out", out _);
            foreach (var property in json.EnumerateObject())
            {
                var at = path + "." + property.Name;
                switch (property.Name)
                {
                    case "ind" or "shift":
                        continue;
                    case "source":
                        if (!indicator.TakesSource)
                        {
                            Errors.Add(at, $"{indicator.Title} is computed from the whole candle; it takes no source.");
                            ok = false;
                        }
                        else if (property.Value.ValueKind != JsonValueKind.String || !PriceFields.TryParse(property.Value.GetString(), out source))
                        {
                            Errors.Add(at, $"Unknown source {property.Value.GetRawText()}; use {PriceFieldNames}.");
                            ok = false;
                        }
                        continue;
                    case "out":
                        if (property.Value.ValueKind != JsonValueKind.String || indicator.OutputIndex(property.Value.GetString()!) < 0)
                        {
                            Errors.Add(at, $"{indicator.Title} has no output {property.Value.GetRawText()}; choose {OutputNames(indicator)}.");
                            ok = false;
                        }
                        else
                            output = property.Value.GetString();
                        continue;
                }
                var parameter = indicator.Parameters.FirstOrDefault(p => p.Name == property.Name);
                if (parameter is null)
                {
                    Errors.Add(at, indicator.Parameters.Count == 0
                        ? $"Unknown key; {indicator.Title} has no parameters."
                        : $"Unknown parameter of {indicator.Title}; it has {string.Join(", ", indicator.Parameters.Select(p => p.Name))}.");
                    ok = false;
                    continue;
                }
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var value))
                {
                    Errors.Add(at, $"{parameter.Label} must be a number.");
                    ok = false;
                    continue;
                }
                var problems = parameter.Check(value).ToList();
                foreach (var problem in problems) Errors.Add(at, problem);
                if (problems.Count > 0) ok = false;
                values[parameter.Name] = value;
            }

            if (output is null && !outputGiven)
            {
                if (indicator.HasSeveralOutputs)
                {
                    Errors.Add(path + ".out", $"Required: {indicator.Title} has several outputs; choose {OutputNames(indicator)}.");
                    ok = false;
                }
                else
                    output = indicator.Outputs[0].Name;
            }

            if (ok)
            {
                var resolved = new StrategyParameters(values);
                foreach (var rule in indicator.Rules.Where(r => !r.IsSatisfied(resolved)))
                {
                    Errors.Add(path + "." + rule.Field, rule.Message);
                    ok = false;
                }
            }

            var shift = Shift(json, path);
            if (!ok || shift is null) return null;

            if (_instances.Add(RuleCompiler.InstanceKey(indicator, values, source)) && _instances.Count > RuleLimits.MaxIndicators && !_tooManyIndicators)
            {
                _tooManyIndicators = true;
                Errors.Add(path, $"A rule document uses at most {RuleLimits.MaxIndicators} different indicators.");
            }
            return new IndicatorOperand(indicator.Name, values, output!, source, shift.Value);
        }

        private static string OutputNames(RuleIndicator indicator) => string.Join(", ", indicator.Outputs.Select(o => o.Name));
    }
}
