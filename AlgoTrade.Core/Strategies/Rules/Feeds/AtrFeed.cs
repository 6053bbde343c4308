using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

internal sealed class AtrFeed(int period) : RuleFeed(1)
{
    private readonly Atr _atr = new(period);

    public override int WarmUpPeriod => _atr.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _atr.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _atr.Value;
    }

    public override void Reset() => _atr.Reset();
}
