using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class RsiFeed(int period, PriceField source) : RuleFeed(1)
{
    private readonly Rsi _rsi = new(period);

    public override int WarmUpPeriod => _rsi.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _rsi.Update(PriceFields.Read(in candle, source));
        Values[0] = _rsi.Value;
    }

    public override void Reset() => _rsi.Reset();
}
