using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// Writes a document in its canonical form: prices without shift as plain strings, indicators with every parameter,
/// <c>source</c> only when it is not close, <c>out</c> only for indicators with several outputs. Operators like
/// <c>&lt;</c> are written as they are (the text is JSON for people, not for embedding in HTML).
/// </summary>
public static class RuleDocumentWriter
{
    /// <summary>
    /// Indented: one line per comparison inside indented groups, which reads like the rules themselves; otherwise
    /// compact JSON.
    /// </summary>
    public static string ToJson(RuleDocument document, bool indented = true)
    {
        if (!indented) return Compact(w => Write(w, document));
        var text = new StringBuilder("{\n  \"version\": ").Append(document.Version).Append(",\n  \"entry\": ");
        Pretty(text, document.Entry, 1);
        if (document.Exit is not null)
        {
            text.Append(",\n  \"exit\": ");
            Pretty(text, document.Exit, 1);
        }
        return text.Append("\n}").ToString();
    }

    private static void Pretty(StringBuilder text, RuleNode node, int depth)
    {
        var indent = new string(' ', 2 * depth);
        switch (node)
        {
            case RuleGroup g:
                text.Append("{\"").Append(g.Kind == RuleGroupKind.All ? "all" : "any").Append("\": [");
                for (var i = 0; i < g.Items.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(indent).Append("  ");
                    Pretty(text, g.Items[i], depth + 1);
                }
                text.Append('\n').Append(indent).Append("]}");
                break;
            case RuleNot n:
                text.Append("{\"not\": ");
                Pretty(text, n.Inner, depth);
                text.Append('}');
                break;
            default:
                text.Append(Spaced(Compact(w => Write(w, node))));
                break;
        }
    }

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A space after every ':' and ',' outside strings.</summary>
    private static string Spaced(string json)
    {
        var text = new StringBuilder(json.Length + json.Length / 4);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            text.Append(c);
            if (c == '"' && (i == 0 || json[i - 1] != '\\')) inString = !inString;
            else if (!inString && c is ':' or ',') text.Append(' ');
        }
        return text.ToString();
    }

    public static JsonDocument ToJsonDocument(RuleDocument document) => JsonDocument.Parse(ToJson(document, indented: false));

    public static void Write(Utf8JsonWriter writer, RuleDocument document)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", document.Version);
        writer.WritePropertyName("entry");
        Write(writer, document.Entry);
        if (document.Exit is not null)
        {
            writer.WritePropertyName("exit");
            Write(writer, document.Exit);
        }
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, RuleNode node)
    {
        writer.WriteStartObject();
        switch (node)
        {
            case RuleGroup g:
                writer.WriteStartArray(g.Kind == RuleGroupKind.All ? "all" : "any");
                foreach (var item in g.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case RuleNot n:
                writer.WritePropertyName("not");
                Write(writer, n.Inner);
                break;
            case RuleComparison c:
                writer.WritePropertyName("left");
                Write(writer, c.Left);
                writer.WriteString("op", RuleOperators.Name(c.Operator));
                if (c.Right is not null)
                {
                    writer.WritePropertyName("right");
                    Write(writer, c.Right);
                }
                if (RuleOperators.IsUnary(c.Operator)) writer.WriteNumber("over", c.Over);
                break;
        }
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, RuleOperand operand)
    {
        switch (operand)
        {
            case NumberOperand n:
                writer.WriteNumberValue(Normalize(n.Value));
                break;
            case PriceOperand { Shift: 0 } p:
                writer.WriteStringValue(PriceFields.Name(p.Field));
                break;
            case PriceOperand p:
                writer.WriteStartObject();
                writer.WriteString("price", PriceFields.Name(p.Field));
                writer.WriteNumber("shift", p.Shift);
                writer.WriteEndObject();
                break;
            case IndicatorOperand o:
                var indicator = RuleIndicators.Get(o.Indicator);
                writer.WriteStartObject();
                writer.WriteString("ind", indicator.Name);
                foreach (var p in indicator.Parameters)
                    writer.WriteNumber(p.Name, Normalize(o.Parameters.TryGetValue(p.Name, out var v) ? v : p.Default));
                if (indicator.TakesSource && o.Source != PriceField.Close) writer.WriteString("source", PriceFields.Name(o.Source));
                if (indicator.HasSeveralOutputs) writer.WriteString("out", o.Output);
                if (o.Shift != 0) writer.WriteNumber("shift", o.Shift);
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>2.0 → 2, 0.50 → 0.5: decimals keep the scale they were parsed with.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
