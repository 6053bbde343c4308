using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: upper, middle, lower.</summary>
internal sealed class KeltnerFeed(int emaPeriod, int atrPeriod, double multiplier) : RuleFeed(3)
{
    private readonly KeltnerChannel _channel = new(emaPeriod, atrPeriod, multiplier);

    public override int WarmUpPeriod => _channel.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _channel.Update(candle.High, candle.Low, candle.Close);
        Values[0] = _channel.Upper;
        Values[1] = _channel.Middle;
        Values[2] = _channel.Lower;
    }

    public override void Reset() => _channel.Reset();
}
