using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: adx, plus_di, minus_di.</summary>
internal sealed class AdxFeed(int period) : RuleFeed(3)
{
    private readonly Adx _adx = new(period);

    public override int WarmUpPeriod => _adx.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _adx.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _adx.Value;
        if (ReadOutputs == 1) return;   // measured: copying the unread DIs cost ~30 % of a three-condition rule
        Values[1] = _adx.PlusDi;
        Values[2] = _adx.MinusDi;
    }

    public override void Reset() => _adx.Reset();
}
