using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: line, signal, histogram.</summary>
internal sealed class MacdFeed(int fast, int slow, int signal, PriceField source) : RuleFeed(3)
{
    private readonly Macd _macd = new(fast, slow, signal);

    public override int WarmUpPeriod => _macd.WarmUpPeriod;

    public override void Update(in Candle candle)
    {
        _macd.Update(PriceFields.Read(in candle, source));
        Values[0] = _macd.Line;
        Values[1] = _macd.Signal;
        Values[2] = _macd.Histogram;
    }

    public override void Reset() => _macd.Reset();
}
