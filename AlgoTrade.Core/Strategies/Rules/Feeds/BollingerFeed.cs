using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>
/// Outputs: upper, middle, lower, bandwidth = (upper − lower) / middle and %B = (x − lower) / (upper − lower) with x
/// the indicator's own input (TradingView's and TA-Lib-users' usual definitions).
/// </summary>
internal sealed class BollingerFeed(int period, double standardDeviations, PriceField source) : RuleFeed(5)
{
    private readonly BollingerBands _bands = new(period, standardDeviations);
    private double _input;

    public override int WarmUpPeriod => _bands.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _input = PriceFields.Read(in candle, source);
        _bands.Update(_input);
        Values[0] = _bands.Upper;
        Values[1] = _bands.Middle;
        Values[2] = _bands.Lower;
        Values[3] = (_bands.Upper - _bands.Lower) / _bands.Middle;
        Values[4] = (_input - _bands.Lower) / (_bands.Upper - _bands.Lower);
    }

    public override void Reset()
    {
        _bands.Reset();
        _input = 0;
    }
}
