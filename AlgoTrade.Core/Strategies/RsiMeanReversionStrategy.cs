using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies;

/// <summary>Enter when RSI crosses up through oversold; exit when it crosses up through overbought.</summary>
public sealed class RsiMeanReversionStrategy : IStrategy
{
    public const string TypeName = "rsi_mean_reversion";

    private readonly Rsi _rsi;
    private readonly double _oversold;
    private readonly double _overbought;
    private double _previous = double.NaN;

    public RsiMeanReversionStrategy(int rsiPeriod, double oversold, double overbought)
    {
        _rsi = new Rsi(rsiPeriod);
        _oversold = oversold;
        _overbought = overbought;
    }

    public string Type => TypeName;
    public int WarmUpPeriod => _rsi.WarmUpPeriod + 1;

    public Signal OnCandle(in Candle candle)
    {
        if (!_rsi.Update(candle.Close)) return Signal.None;
        var rsi = _rsi.Value;
        var previous = _previous;
        _previous = rsi;
        if (double.IsNaN(previous)) return Signal.None;
        if (previous <= _oversold && rsi > _oversold) return Signal.Enter;
        if (previous <= _overbought && rsi > _overbought) return Signal.Exit;
        return Signal.None;
    }

    public void Reset()
    {
        _rsi.Reset();
        _previous = double.NaN;
    }
}
