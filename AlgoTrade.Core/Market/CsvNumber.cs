using System.Globalization;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Number parsing straight from a CSV field's characters. Plain decimals (<c>-123.4500</c>, at most 19 digits, a
/// mantissa below 2^53 and at most 22 decimals) take Clinger's fast path: mantissa and power of ten are both exact
/// doubles, so one division gives the correctly rounded value, the same double <see cref="double.Parse(string)"/>
/// returns. Anything else (exponents, more digits) goes through <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
internal static class CsvNumber
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParseDouble(ReadOnlySpan<char> s, out double value)
    {
        if (TryParsePlainDecimal(s, out value)) return true;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool TryParsePlainDecimal(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] == '-')
        {
            negative = true;
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > 19) return false;
                mantissa = mantissa * 10 + d;
                if (decimals >= 0) decimals++;
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || mantissa > MaxExactMantissa || decimals > 22) return false;
        var result = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        value = negative ? -result : result;
        return true;
    }

    /// <summary>A non-negative whole number of at most 18 digits.</summary>
    public static bool TryParseWholeNumber(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 18) return false;
        foreach (var c in s)
        {
            var d = (uint)(c - '0');
            if (d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
