using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: value (the trailing line), direction (+1 up, −1 down; undefined before the first value).</summary>
internal sealed class SupertrendFeed(int atrPeriod, double multiplier) : RuleFeed(2)
{
    private readonly Supertrend _supertrend = new(atrPeriod, multiplier);

    public override int WarmUpPeriod => _supertrend.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _supertrend.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _supertrend.Value;
        Values[1] = _supertrend.IsReady ? _supertrend.Direction : double.NaN;
    }

    public override void Reset() => _supertrend.Reset();
}
