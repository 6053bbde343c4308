using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class CciFeed(int period) : RuleFeed(1)
{
    private readonly Cci _indicator = new(period);

    public override int WarmUpPeriod => _indicator.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _indicator.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _indicator.Value;
    }

    public override void Reset() => _indicator.Reset();
}
