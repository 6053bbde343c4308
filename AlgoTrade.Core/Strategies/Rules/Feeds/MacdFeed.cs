using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>Outputs: line, signal, histogram.</summary>
internal sealed class MacdFeed(int fast, int slow, int signal, PriceField source) : RuleFeed
{
    private readonly Macd _macd = new(fast, slow, signal);

    public override int WarmUpPeriod => _macd.WarmUpPeriod;

    public override void Update(in Candle candle) => _macd.Update(PriceFields.Read(in candle, source));

    public override double Output(int index) => index switch
    {
        0 => _macd.Line,
        1 => _macd.Signal,
        _ => _macd.Histogram,
    };

    public override void Reset() => _macd.Reset();
}
