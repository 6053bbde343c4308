using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: adx, plus_di, minus_di.</summary>
internal sealed class AdxFeed(int period) : RuleFeed
{
    private readonly Adx _adx = new(period);

    public override int WarmUpPeriod => _adx.WarmUpPeriod;

    public override void Update(in Candle candle) => _adx.Update(candle.High, candle.Low, candle.Close);

    public override double Output(int index) => index switch
    {
        0 => _adx.Value,
        1 => _adx.PlusDi,
        _ => _adx.MinusDi,
    };

    public override void Reset() => _adx.Reset();
}
