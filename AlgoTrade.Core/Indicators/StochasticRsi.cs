namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Stochastic RSI: the stochastic of RSI(rsiPeriod) values. Raw %K = 100·(rsi − lowest rsi)/(highest rsi − lowest
/// rsi) over the last stochPeriod RSI values; K = SMA(kSmoothing) of raw %K; D = SMA(dPeriod) of K. kSmoothing 1 is
/// TA-Lib's STOCHRSI (fast K, fast D); kSmoothing 3 is TradingView's "Stoch RSI". The RSI is ours (TA-Lib's).
/// A range below 1e-10 RSI points counts as zero and gives 0 (TA-Lib's zero-range value): once prices stop moving
/// the RSI is constant in exact arithmetic, but in floating point it wobbles in its last digits, which TA-Lib turns
/// into a %K jumping between 0 and 100. Ready after rsiPeriod + stochPeriod + kSmoothing + dPeriod − 2 inputs.
/// </summary>
public sealed class StochasticRsi : IIndicator
{
    private const double FlatRange = 1e-10;

    private readonly Rsi _rsi;
    private readonly RollingExtreme _highest;
    private readonly RollingExtreme _lowest;
    private readonly Sma _k;
    private readonly Sma _d;

    public StochasticRsi(int rsiPeriod, int stochPeriod, int kSmoothing, int dPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rsiPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stochPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kSmoothing, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dPeriod, 1);
        _rsi = new Rsi(rsiPeriod);
        _highest = RollingExtreme.Highest(stochPeriod);
        _lowest = RollingExtreme.Lowest(stochPeriod);
        _k = new Sma(kSmoothing);
        _d = new Sma(dPeriod);
    }

    public int RsiPeriod => _rsi.Period;
    public int StochPeriod => _highest.Period;
    public int KSmoothing => _k.Period;
    public int DPeriod => _d.Period;
    public int WarmUpPeriod => _rsi.WarmUpPeriod + StochPeriod + KSmoothing + DPeriod - 3;
    public bool IsReady => _d.IsReady;
    public double K => _k.Value;
    public double D => _d.Value;

    /// <summary>True when K and D both have values.</summary>
    public bool Update(double value)
    {
        if (!_rsi.Update(value)) return false;
        var rsi = _rsi.Value;
        _highest.Add(rsi);
        _lowest.Add(rsi);
        if (!_highest.IsReady) return false;
        var lowest = _lowest.Value;
        var range = _highest.Value - lowest;
        var raw = range > FlatRange ? 100 * (rsi - lowest) / range : 0;
        return _k.Update(raw) && _d.Update(_k.Value);
    }

    public void Reset()
    {
        _rsi.Reset();
        _highest.Reset();
        _lowest.Reset();
        _k.Reset();
        _d.Reset();
    }
}
