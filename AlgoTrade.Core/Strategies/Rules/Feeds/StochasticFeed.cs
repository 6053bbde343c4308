using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: k, d.</summary>
internal sealed class StochasticFeed(int kPeriod, int slowing, int dPeriod) : RuleFeed(2)
{
    private readonly Stochastic _stochastic = new(kPeriod, slowing, dPeriod);

    public override int WarmUpPeriod => _stochastic.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _stochastic.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _stochastic.K;
        Values[1] = _stochastic.D;
    }

    public override void Reset() => _stochastic.Reset();
}
