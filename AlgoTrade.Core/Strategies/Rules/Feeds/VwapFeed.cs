using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class VwapFeed(int period) : RuleFeed(1)
{
    private readonly Vwap _vwap = new(period);

    public override int WarmUpPeriod => _vwap.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _vwap.Update(candle.High, candle.Low, candle.Close, candle.Volume);
        Values[0] = _vwap.Value;
    }

    public override void Reset() => _vwap.Reset();
}
