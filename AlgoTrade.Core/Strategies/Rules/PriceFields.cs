using System.Runtime.CompilerServices;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules;

public static class PriceFields
{
    public static IReadOnlyList<(PriceField Field, string Name, string Text)> All { get; } =
    [
        (PriceField.Open, "open", "open"),
        (PriceField.High, "high", "high"),
        (PriceField.Low, "low", "low"),
        (PriceField.Close, "close", "close"),
        (PriceField.Volume, "volume", "volume"),
        (PriceField.Hl2, "hl2", "HL2"),
        (PriceField.Hlc3, "hlc3", "HLC3"),
        (PriceField.Ohlc4, "ohlc4", "OHLC4"),
    ];

    public static string Name(PriceField field) => All[(int)field].Name;

    public static string Text(PriceField field) => All[(int)field].Text;

    public static bool TryParse(string? name, out PriceField field)
    {
        foreach (var f in All)
            if (f.Name == name)
            {
                field = f.Field;
                return true;
            }
        field = default;
        return false;
    }

    /// <summary>Volume is not a price: indicators on it and it itself are drawn in their own pane.</summary>
    public static bool IsPrice(PriceField field) => field != PriceField.Volume;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(in Candle c, PriceField field) => field switch
    {
        PriceField.Open => c.Open,
        PriceField.High => c.High,
        PriceField.Low => c.Low,
        PriceField.Close => c.Close,
        PriceField.Volume => c.Volume,
        PriceField.Hl2 => (c.High + c.Low) / 2,
        PriceField.Hlc3 => (c.High + c.Low + c.Close) / 3,
        _ => (c.Open + c.High + c.Low + c.Close) / 4,
    };
}
