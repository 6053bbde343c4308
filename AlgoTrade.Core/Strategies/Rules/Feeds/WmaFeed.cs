using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class WmaFeed(int period, PriceField source) : RuleFeed(1)
{
    private readonly Wma _indicator = new(period);

    public override int WarmUpPeriod => _indicator.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _indicator.Update(PriceFields.Read(in candle, source));
        Values[0] = _indicator.Value;
    }

    public override void Reset() => _indicator.Reset();
}
