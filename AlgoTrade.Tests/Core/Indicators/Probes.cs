using AlgoTrade.Core.Indicators;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>Each new indicator wrapped for the harness, its outputs named as the rules language names them.</summary>
internal static class Probes
{
    public static Probe Wma(int n)
    {
        var x = new Wma(n);
        return new Probe(x, b => x.Update(b.C), ("value", () => x.Value));
    }

    public static Probe Hma(int n)
    {
        var x = new Hma(n);
        return new Probe(x, b => x.Update(b.C), ("value", () => x.Value));
    }

    public static Probe Momentum(int n)
    {
        var x = new Momentum(n);
        return new Probe(x, b => x.Update(b.C), ("value", () => x.Value));
    }

    public static Probe Roc(int n)
    {
        var x = new Roc(n);
        return new Probe(x, b => x.Update(b.C), ("value", () => x.Value));
    }

    public static Probe WilliamsR(int n)
    {
        var x = new WilliamsR(n);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("value", () => x.Value));
    }

    public static Probe Stochastic(int k, int slowing, int d)
    {
        var x = new Stochastic(k, slowing, d);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("k", () => x.K), ("d", () => x.D));
    }

    public static Probe StochasticRsi(int rsi, int stoch, int smoothing, int d)
    {
        var x = new StochasticRsi(rsi, stoch, smoothing, d);
        return new Probe(x, b => x.Update(b.C), ("k", () => x.K), ("d", () => x.D));
    }

    public static Probe Adx(int n)
    {
        var x = new Adx(n);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("adx", () => x.Value), ("plus_di", () => x.PlusDi), ("minus_di", () => x.MinusDi));
    }

    public static Probe Cci(int n)
    {
        var x = new Cci(n);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("value", () => x.Value));
    }

    public static Probe Obv()
    {
        var x = new Obv();
        return new Probe(x, b => x.Update(b.C, b.V), ("value", () => x.Value));
    }

    public static Probe Vwap(int n)
    {
        var x = new Vwap(n);
        return new Probe(x, b => x.Update(b.H, b.L, b.C, b.V), ("value", () => x.Value));
    }

    public static Probe Donchian(int n)
    {
        var x = new DonchianChannel(n);
        return new Probe(x, b => x.Update(b.H, b.L), ("upper", () => x.Upper), ("middle", () => x.Middle), ("lower", () => x.Lower));
    }

    public static Probe Keltner(int ema, int atr, double multiplier)
    {
        var x = new KeltnerChannel(ema, atr, multiplier);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("upper", () => x.Upper), ("middle", () => x.Middle), ("lower", () => x.Lower));
    }

    public static Probe Supertrend(int atr, double multiplier)
    {
        var x = new Supertrend(atr, multiplier);
        return new Probe(x, b => x.Update(b.H, b.L, b.C), ("value", () => x.Value), ("direction", () => x.Direction));
    }

    /// <summary>Every new indicator with typical parameters, for the tests that apply to all of them.</summary>
    public static readonly TheoryData<string> Names = new(
        "wma", "hma", "momentum", "roc", "williams_r", "stochastic", "stoch_rsi", "adx", "cci", "obv", "vwap", "donchian",
        "keltner", "supertrend");

    public static Probe ByName(string name) => name switch
    {
        "wma" => Wma(20),
        "hma" => Hma(16),
        "momentum" => Momentum(10),
        "roc" => Roc(10),
        "williams_r" => WilliamsR(14),
        "stochastic" => Stochastic(14, 3, 3),
        "stoch_rsi" => StochasticRsi(14, 14, 3, 3),
        "adx" => Adx(14),
        "cci" => Cci(20),
        "obv" => Obv(),
        "vwap" => Vwap(20),
        "donchian" => Donchian(20),
        "keltner" => Keltner(20, 10, 2),
        "supertrend" => Supertrend(10, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
