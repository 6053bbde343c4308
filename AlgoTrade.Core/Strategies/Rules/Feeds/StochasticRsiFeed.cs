using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: k, d.</summary>
internal sealed class StochasticRsiFeed(int rsiPeriod, int stochPeriod, int kSmoothing, int dPeriod, PriceField source) : RuleFeed(2)
{
    private readonly StochasticRsi _stochRsi = new(rsiPeriod, stochPeriod, kSmoothing, dPeriod);

    public override int WarmUpPeriod => _stochRsi.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _stochRsi.Update(PriceFields.Read(in candle, source));
        Values[0] = _stochRsi.K;
        Values[1] = _stochRsi.D;
    }

    public override void Reset() => _stochRsi.Reset();
}
