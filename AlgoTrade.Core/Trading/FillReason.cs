namespace AlgoTrade.Core.Trading;

/// <summary>Why a fill happened; serialized in snake_case (<c>stop_loss</c>, <c>end_of_data</c>, …).</summary>
public enum FillReason : byte
{
    Signal,
    StopLoss,
    TrailingStop,
    PartialTakeProfit,
    TakeProfit,
    MaxDuration,
    EndOfData,

    /// <summary>The owner asked the live bot to sell everything now (force exit); never in a backtest.</summary>
    Manual,
}

public static class FillReasonNames
{
    public static string ToName(this FillReason reason) => reason switch
    {
        FillReason.Signal => "signal",
        FillReason.StopLoss => "stop_loss",
        FillReason.TrailingStop => "trailing_stop",
        FillReason.PartialTakeProfit => "partial_take_profit",
        FillReason.TakeProfit => "take_profit",
        FillReason.MaxDuration => "max_duration",
        FillReason.EndOfData => "end_of_data",
        FillReason.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
