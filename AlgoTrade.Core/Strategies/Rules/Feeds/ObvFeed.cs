using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class ObvFeed() : RuleFeed(1)
{
    private readonly Obv _obv = new();

    public override int WarmUpPeriod => _obv.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _obv.Update(candle.Close, candle.Volume);
        Values[0] = _obv.Value;
    }

    public override void Reset() => _obv.Reset();
}
