using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies;

/// <summary>Enter when the MACD line crosses above its signal line; exit when it crosses below.</summary>
public sealed class MacdCrossStrategy : IStrategy
{
    public const string TypeName = "macd_cross";

    private readonly Macd _macd;
    private double _previousLine;
    private double _previousSignal;
    private bool _hasPrevious;

    public MacdCrossStrategy(int fast, int slow, int signal) => _macd = new Macd(fast, slow, signal);

    public string Type => TypeName;
    public int WarmUpPeriod => _macd.WarmUpPeriod + 1;

    public Signal OnCandle(in Candle candle)
    {
        if (!_macd.Update(candle.Close)) return Signal.None;
        double line = _macd.Line, signalLine = _macd.Signal;
        var result = Signal.None;
        if (_hasPrevious)
        {
            if (_previousLine <= _previousSignal && line > signalLine) result = Signal.Enter;
            else if (_previousLine >= _previousSignal && line < signalLine) result = Signal.Exit;
        }
        _previousLine = line;
        _previousSignal = signalLine;
        _hasPrevious = true;
        return result;
    }

    public void Reset()
    {
        _macd.Reset();
        _hasPrevious = false;
    }
}
