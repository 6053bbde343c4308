namespace AlgoTrade.Core.Indicators;

/// <summary>A streaming indicator: fed one value per closed candle, O(1) memory per step.</summary>
public interface IIndicator
{
    /// <summary>Number of inputs needed before the first value (TA-Lib's lookback + 1).</summary>
    int WarmUpPeriod { get; }

    bool IsReady { get; }

    void Reset();
}
