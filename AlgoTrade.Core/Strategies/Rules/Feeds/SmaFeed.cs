using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class SmaFeed(int period, PriceField source) : RuleFeed(1)
{
    private readonly Sma _sma = new(period);

    public override int WarmUpPeriod => _sma.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _sma.Update(PriceFields.Read(in candle, source));
        Values[0] = _sma.Value;
    }

    public override void Reset() => _sma.Reset();
}
