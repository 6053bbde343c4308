using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies;

/// <summary>
/// Enter when the close crosses back above the lower band (close[t−1] &lt; lower[t−1] and close[t] &gt; lower[t]);
/// exit when the close reaches the middle band.
/// </summary>
public sealed class BollingerReversionStrategy : IStrategy
{
    public const string TypeName = "bollinger_reversion";

    private readonly BollingerBands _bands;
    private bool _previousBelowLower;
    private bool _hasPrevious;

    public BollingerReversionStrategy(int period, double standardDeviations) =>
        _bands = new BollingerBands(period, standardDeviations);

    public string Type => TypeName;
    public int WarmUpPeriod => _bands.WarmUpPeriod + 1;

    public Signal OnCandle(in Candle candle)
    {
        if (!_bands.Update(candle.Close)) return Signal.None;
        var close = candle.Close;
        var result = Signal.None;
        if (_hasPrevious && _previousBelowLower && close > _bands.Lower) result = Signal.Enter;
        else if (close >= _bands.Middle) result = Signal.Exit;
        _previousBelowLower = close < _bands.Lower;
        _hasPrevious = true;
        return result;
    }

    public void Reset()
    {
        _bands.Reset();
        _hasPrevious = false;
        _previousBelowLower = false;
    }
}
