using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>The current candle; output i is <see cref="PriceField"/> i.</summary>
internal sealed class PriceFeed() : RuleFeed(PriceFields.All.Count)
{
    public override int WarmUpPeriod => 1;

    public override void Update(in Candle candle)
    {
        var v = Values;
        v[(int)PriceField.Open] = candle.Open;
        v[(int)PriceField.High] = candle.High;
        v[(int)PriceField.Low] = candle.Low;
        v[(int)PriceField.Close] = candle.Close;
        v[(int)PriceField.Volume] = candle.Volume;
        v[(int)PriceField.Hl2] = (candle.High + candle.Low) / 2;
        v[(int)PriceField.Hlc3] = (candle.High + candle.Low + candle.Close) / 3;
        v[(int)PriceField.Ohlc4] = (candle.Open + candle.High + candle.Low + candle.Close) / 4;
    }

    public override void Reset() => Array.Clear(Values);
}
