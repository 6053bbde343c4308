using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: upper, middle, lower.</summary>
internal sealed class KeltnerFeed(int emaPeriod, int atrPeriod, double multiplier) : RuleFeed
{
    private readonly KeltnerChannel _channel = new(emaPeriod, atrPeriod, multiplier);

    public override int WarmUpPeriod => _channel.WarmUpPeriod;

    public override void Update(in Candle candle) => _channel.Update(candle.High, candle.Low, candle.Close);

    public override double Output(int index) => index switch
    {
        0 => _channel.Upper,
        1 => _channel.Middle,
        _ => _channel.Lower,
    };

    public override void Reset() => _channel.Reset();
}
