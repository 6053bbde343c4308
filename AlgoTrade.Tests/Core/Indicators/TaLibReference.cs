using System.Globalization;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>The committed TA-Lib run (TaLib/README.md): its input candles and its output columns by name.</summary>
internal sealed class TaLibReference
{
    private readonly Dictionary<string, decimal?[]> _columns;

    private TaLibReference(Bar[] bars, Dictionary<string, decimal?[]> columns)
    {
        Bars = bars;
        _columns = columns;
    }

    public static TaLibReference Instance { get; } = Load();

    public Bar[] Bars { get; }

    public decimal?[] this[string column] => _columns.TryGetValue(column, out var values)
        ? values
        : throw new KeyNotFoundException($"talib-reference.csv has no column {column}");

    private static TaLibReference Load()
    {
        using var stream = typeof(TaLibReference).Assembly.GetManifestResourceStream("talib-reference.csv")
            ?? throw new InvalidOperationException("talib-reference.csv is not embedded");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<string[]>();
        while (reader.ReadLine() is { Length: > 0 } line) rows.Add(line.Split(','));
        decimal? Parse(string s) => s.Length == 0 ? null : decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        var columns = header.Select((name, k) => (name, values: rows.Select(r => Parse(r[k])).ToArray()))
            .ToDictionary(c => c.name, c => c.values);
        var bars = rows.Select((_, t) => new Bar(columns["open"][t]!.Value, columns["high"][t]!.Value, columns["low"][t]!.Value,
            columns["close"][t]!.Value, columns["volume"][t]!.Value)).ToArray();
        return new TaLibReference(bars, columns);
    }
}
