using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: upper, middle, lower.</summary>
internal sealed class DonchianFeed(int period) : RuleFeed
{
    private readonly DonchianChannel _channel = new(period);

    public override int WarmUpPeriod => _channel.WarmUpPeriod;

    public override void Update(in Candle candle) => _channel.Update(candle.High, candle.Low);

    public override double Output(int index) => index switch
    {
        0 => _channel.Upper,
        1 => _channel.Middle,
        _ => _channel.Lower,
    };

    public override void Reset() => _channel.Reset();
}
