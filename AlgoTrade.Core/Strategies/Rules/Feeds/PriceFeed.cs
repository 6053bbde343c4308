using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>The current candle; output i is <see cref="PriceField"/> i.</summary>
internal sealed class PriceFeed : RuleFeed
{
    private Candle _candle;

    public override int WarmUpPeriod => 1;

    public override void Update(in Candle candle) => _candle = candle;

    public override double Output(int index) => PriceFields.Read(in _candle, (PriceField)index);

    public override void Reset() => _candle = default;
}
