using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules.Feeds;

/// <summary>The current candle; output i is <see cref="PriceField"/> i.</summary>
internal sealed class PriceFeed() : RuleFeed(PriceFields.All.Count)
{
    private bool _hl2 = true;
    private bool _hlc3 = true;
    private bool _ohlc4 = true;

    public override int WarmUpPeriod => 1;

    /// <summary>Leaves the derived fields no condition reads (HLC3 costs a division) out of the per-candle work.</summary>
    public void Compute(IReadOnlySet<PriceField> fields)
    {
        _hl2 = fields.Contains(PriceField.Hl2);
        _hlc3 = fields.Contains(PriceField.Hlc3);
        _ohlc4 = fields.Contains(PriceField.Ohlc4);
    }

    public override void Update(in Candle candle)
    {
        var v = Values;
        v[(int)PriceField.Open] = candle.Open;
        v[(int)PriceField.High] = candle.High;
        v[(int)PriceField.Low] = candle.Low;
        v[(int)PriceField.Close] = candle.Close;
        v[(int)PriceField.Volume] = candle.Volume;
        if (_hl2) v[(int)PriceField.Hl2] = (candle.High + candle.Low) / 2;
        if (_hlc3) v[(int)PriceField.Hlc3] = (candle.High + candle.Low + candle.Close) / 3;
        if (_ohlc4) v[(int)PriceField.Ohlc4] = (candle.Open + candle.High + candle.Low + candle.Close) / 4;
    }

    public override void Reset() => Array.Clear(Values);
}
