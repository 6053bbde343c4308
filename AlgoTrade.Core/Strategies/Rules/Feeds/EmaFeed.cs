using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class EmaFeed(int period, PriceField source) : RuleFeed(1)
{
    private readonly Ema _ema = new(period);

    public override int WarmUpPeriod => _ema.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _ema.Update(PriceFields.Read(in candle, source));
        Values[0] = _ema.Value;
    }

    public override void Reset() => _ema.Reset();
}
