namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>
/// Straightforward batch versions of the indicators, in decimal and written from the TA-Lib/textbook definitions:
/// each value recomputed from its whole window where the definition allows it, no running sums, no shared code
/// with AlgoTrade.Core. Arrays line up with the input; null where the indicator has no value yet.
/// </summary>
internal static class ReferenceIndicators
{
    private static bool Window(decimal?[] x, int t, int n) => t - n + 1 >= 0 && Enumerable.Range(t - n + 1, n).All(i => x[i].HasValue);

    public static decimal?[] Sma(decimal?[] x, int n) =>
        x.Select((_, t) => Window(x, t, n) ? Enumerable.Range(t - n + 1, n).Sum(i => x[i]!.Value) / n : (decimal?)null).ToArray();

    public static decimal?[] Wma(decimal?[] x, int n) =>
        x.Select((_, t) => Window(x, t, n)
            ? Enumerable.Range(1, n).Sum(w => w * x[t - n + w]!.Value) / (n * (n + 1) / 2m)
            : (decimal?)null).ToArray();

    public static decimal?[] Hma(decimal[] x, int n)
    {
        var input = x.Select(v => (decimal?)v).ToArray();
        var half = Wma(input, n / 2);
        var full = Wma(input, n);
        var difference = x.Select((_, t) => full[t].HasValue ? 2 * half[t]!.Value - full[t]!.Value : (decimal?)null).ToArray();
        var root = 1;
        while ((root + 1) * (root + 1) <= n) root++;
        return Wma(difference, root);
    }

    public static decimal?[] Momentum(decimal[] x, int n) =>
        x.Select((v, t) => t >= n ? v - x[t - n] : (decimal?)null).ToArray();

    public static decimal?[] Roc(decimal[] x, int n) =>
        x.Select((v, t) => t >= n ? (x[t - n] == 0 ? 0 : (v - x[t - n]) / x[t - n] * 100) : (decimal?)null).ToArray();

    private static decimal Highest(decimal[] x, int t, int n) => Enumerable.Range(t - n + 1, n).Max(i => x[i]);
    private static decimal Lowest(decimal[] x, int t, int n) => Enumerable.Range(t - n + 1, n).Min(i => x[i]);

    public static decimal?[] WilliamsR(decimal[] high, decimal[] low, decimal[] close, int n) =>
        close.Select((c, t) =>
        {
            if (t < n - 1) return (decimal?)null;
            var hh = Highest(high, t, n);
            var range = hh - Lowest(low, t, n);
            return range == 0 ? 0 : -100 * (hh - c) / range;
        }).ToArray();

    private static decimal?[] RawStochastic(decimal?[] high, decimal?[] low, decimal?[] close, int n, decimal flatRange) =>
        close.Select((c, t) =>
        {
            if (!Window(close, t, n)) return (decimal?)null;
            var hh = Enumerable.Range(t - n + 1, n).Max(i => high[i]!.Value);
            var ll = Enumerable.Range(t - n + 1, n).Min(i => low[i]!.Value);
            return hh - ll > flatRange ? 100 * (c!.Value - ll) / (hh - ll) : 0;
        }).ToArray();

    public static (decimal?[] K, decimal?[] D) Stochastic(decimal[] high, decimal[] low, decimal[] close, int kPeriod, int slowing, int dPeriod)
    {
        var raw = RawStochastic(Nullable(high), Nullable(low), Nullable(close), kPeriod, 0);
        var k = Sma(raw, slowing);
        return (k, Sma(k, dPeriod));
    }

    /// <summary>Wilder's RSI, TA-Lib seeding: simple means of the first N gains and losses, then (a·(N−1) + x)/N.</summary>
    public static decimal?[] Rsi(decimal[] x, int n)
    {
        var result = new decimal?[x.Length];
        decimal gain = 0, loss = 0;
        for (var t = 1; t < x.Length; t++)
        {
            var change = x[t] - x[t - 1];
            var up = Math.Max(change, 0);
            var down = Math.Max(-change, 0);
            if (t <= n)
            {
                gain += up / n;
                loss += down / n;
                if (t < n) continue;
            }
            else
            {
                gain = (gain * (n - 1) + up) / n;
                loss = (loss * (n - 1) + down) / n;
            }
            result[t] = gain + loss == 0 ? 0 : 100 * gain / (gain + loss);
        }
        return result;
    }

    public static (decimal?[] K, decimal?[] D) StochasticRsi(decimal[] x, int rsiPeriod, int stochPeriod, int kSmoothing, int dPeriod)
    {
        var rsi = Rsi(x, rsiPeriod);
        var raw = RawStochastic(rsi, rsi, rsi, stochPeriod, 1e-10m);
        var k = Sma(raw, kSmoothing);
        return (k, Sma(k, dPeriod));
    }

    private static decimal TrueRange(decimal high, decimal low, decimal previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));

    /// <summary>ADX, +DI and −DI exactly as TA-Lib's ADX, PLUS_DI and MINUS_DI define them (see Adx's summary).</summary>
    public static (decimal?[] Adx, decimal?[] PlusDi, decimal?[] MinusDi) Adx(decimal[] high, decimal[] low, decimal[] close, int n)
    {
        var length = close.Length;
        var plusDm = new decimal[length];
        var minusDm = new decimal[length];
        var tr = new decimal[length];
        for (var t = 1; t < length; t++)
        {
            var up = high[t] - high[t - 1];
            var down = low[t - 1] - low[t];
            plusDm[t] = up > down && up > 0 ? up : 0;
            minusDm[t] = down > up && down > 0 ? down : 0;
            tr[t] = TrueRange(high[t], low[t], close[t - 1]);
        }
        var plusDi = new decimal?[length];
        var minusDi = new decimal?[length];
        var dx = new decimal?[length];
        if (length > n)
        {
            decimal sp = 0, sm = 0, st = 0;
            for (var t = 1; t < n; t++)
            {
                sp += plusDm[t];
                sm += minusDm[t];
                st += tr[t];
            }
            for (var t = n; t < length; t++)
            {
                sp = sp - sp / n + plusDm[t];
                sm = sm - sm / n + minusDm[t];
                st = st - st / n + tr[t];
                plusDi[t] = st == 0 ? 0 : 100 * sp / st;
                minusDi[t] = st == 0 ? 0 : 100 * sm / st;
                var sum = plusDi[t]!.Value + minusDi[t]!.Value;
                dx[t] = st == 0 || sum == 0 ? null : 100 * Math.Abs(plusDi[t]!.Value - minusDi[t]!.Value) / sum;
            }
        }
        var adx = new decimal?[length];
        if (length >= 2 * n)
        {
            var value = Enumerable.Range(n, n).Sum(t => dx[t] ?? 0) / n;
            adx[2 * n - 1] = value;
            for (var t = 2 * n; t < length; t++)
            {
                if (dx[t] is { } d) value = (value * (n - 1) + d) / n;
                adx[t] = value;
            }
        }
        return (adx, plusDi, minusDi);
    }

    public static decimal?[] Cci(decimal[] high, decimal[] low, decimal[] close, int n)
    {
        var tp = close.Select((c, t) => (high[t] + low[t] + c) / 3).ToArray();
        return tp.Select((x, t) =>
        {
            if (t < n - 1) return (decimal?)null;
            var window = tp[(t - n + 1)..(t + 1)];
            // equal typical prices have no deviation; testing md == 0 instead would trip on decimal's rounding of the mean
            if (window.All(v => v == x)) return 0;
            var mean = window.Average();
            var md = window.Average(v => Math.Abs(v - mean));
            return md == 0 ? 0 : (x - mean) / (0.015m * md);
        }).ToArray();
    }

    public static decimal?[] Obv(decimal[] close, decimal[] volume)
    {
        var result = new decimal?[close.Length];
        for (var t = 0; t < close.Length; t++)
            result[t] = t == 0 ? volume[0] : result[t - 1] + Math.Sign(close[t] - close[t - 1]) * volume[t];
        return result;
    }

    public static decimal?[] Vwap(decimal[] high, decimal[] low, decimal[] close, decimal[] volume, int n) =>
        close.Select((c, t) =>
        {
            if (t < n - 1) return (decimal?)null;
            var range = Enumerable.Range(t - n + 1, n).ToArray();
            var volumes = range.Sum(i => volume[i]);
            return volumes == 0
                ? range.Average(i => (high[i] + low[i] + close[i]) / 3)
                : range.Sum(i => (high[i] + low[i] + close[i]) / 3 * volume[i]) / volumes;
        }).ToArray();

    public static (decimal?[] Upper, decimal?[] Middle, decimal?[] Lower) Donchian(decimal[] high, decimal[] low, int n)
    {
        var upper = high.Select((_, t) => t >= n - 1 ? Highest(high, t, n) : (decimal?)null).ToArray();
        var lower = low.Select((_, t) => t >= n - 1 ? Lowest(low, t, n) : (decimal?)null).ToArray();
        return (upper, upper.Select((u, t) => (u + lower[t]) / 2).ToArray(), lower);
    }

    /// <summary>TA-Lib EMA: the SMA of the first N values, then e + 2/(N+1)·(x − e).</summary>
    public static decimal?[] Ema(decimal[] x, int n)
    {
        var result = new decimal?[x.Length];
        if (x.Length < n) return result;
        var value = x[..n].Average();
        result[n - 1] = value;
        for (var t = n; t < x.Length; t++) result[t] = value += 2m / (n + 1) * (x[t] - value);
        return result;
    }

    /// <summary>TA-Lib ATR: the mean of true ranges 2…N+1, then Wilder's (a·(N−1) + tr)/N.</summary>
    public static decimal?[] Atr(decimal[] high, decimal[] low, decimal[] close, int n)
    {
        var result = new decimal?[close.Length];
        if (close.Length <= n) return result;
        var value = Enumerable.Range(1, n).Sum(t => TrueRange(high[t], low[t], close[t - 1])) / n;
        result[n] = value;
        for (var t = n + 1; t < close.Length; t++)
            result[t] = value = (value * (n - 1) + TrueRange(high[t], low[t], close[t - 1])) / n;
        return result;
    }

    public static (decimal?[] Upper, decimal?[] Middle, decimal?[] Lower) Keltner(decimal[] high, decimal[] low, decimal[] close,
        int emaPeriod, int atrPeriod, decimal multiplier)
    {
        var ema = Ema(close, emaPeriod);
        var atr = Atr(high, low, close, atrPeriod);
        var middle = ema.Select((e, t) => atr[t].HasValue ? e : null).ToArray();
        return (middle.Select((m, t) => m + multiplier * atr[t]).ToArray(), middle,
            middle.Select((m, t) => m - multiplier * atr[t]).ToArray());
    }

    /// <summary>
    /// Supertrend from its definition: final bands ratchet towards the price unless the previous close broke them;
    /// the trend flips when the close crosses the band on the other side; first value a downtrend.
    /// </summary>
    public static (decimal?[] Value, decimal?[] Direction) Supertrend(decimal[] high, decimal[] low, decimal[] close, int atrPeriod, decimal multiplier)
    {
        var atr = Atr(high, low, close, atrPeriod);
        var value = new decimal?[close.Length];
        var direction = new decimal?[close.Length];
        decimal finalUpper = 0, finalLower = 0;
        var up = false;
        for (var t = atrPeriod; t < close.Length; t++)
        {
            var hl2 = (high[t] + low[t]) / 2;
            var basicUpper = hl2 + multiplier * atr[t]!.Value;
            var basicLower = hl2 - multiplier * atr[t]!.Value;
            if (t == atrPeriod)
            {
                (finalUpper, finalLower, up) = (basicUpper, basicLower, false);
            }
            else
            {
                finalUpper = basicUpper < finalUpper || close[t - 1] > finalUpper ? basicUpper : finalUpper;
                finalLower = basicLower > finalLower || close[t - 1] < finalLower ? basicLower : finalLower;
                up = up ? close[t] >= finalLower : close[t] > finalUpper;
            }
            value[t] = up ? finalLower : finalUpper;
            direction[t] = up ? 1 : -1;
        }
        return (value, direction);
    }

    private static decimal?[] Nullable(decimal[] x) => x.Select(v => (decimal?)v).ToArray();
}
