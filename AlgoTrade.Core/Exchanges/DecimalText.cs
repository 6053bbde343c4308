using System.Globalization;

namespace AlgoTrade.Core.Exchanges;

public static class DecimalText
{
    /// <summary>Invariant text without trailing zeros or exponent, as exchanges expect in query strings.</summary>
    public static string Text(this decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
