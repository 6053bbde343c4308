namespace AlgoTrade.Core.Trading;

/// <summary>
/// Everything the risk engine remembers between candles, as plain data: the live runtime loads it from the
/// database, lets the engine work, and saves it back (JSON round-trips exactly: doubles are written round-trip).
/// Quantities in base asset, money in quote asset.
/// </summary>
public sealed class PositionState
{
    public double Cash { get; set; }

    /// <summary>Base quantity held now; 0 when flat.</summary>
    public double Quantity { get; set; }

    /// <summary>E: the entry fill price (after slippage); 0 when flat.</summary>
    public double EntryPrice { get; set; }

    public DateTime? EntryTime { get; set; }
    public double EntryQuantity { get; set; }
    public double EntryFee { get; set; }

    /// <summary>M: highest high since entry up to the previous candle; starts at E.</summary>
    public double MaxPriceSinceEntry { get; set; }

    /// <summary>Bit i set = the i-th partial take-profit (ascending percentage) has filled for this position.</summary>
    public int PartialTakeProfitsFilled { get; set; }

    public PendingOrder PendingOrder { get; set; }
    public DateTime? PendingDecidedAt { get; set; }

    /// <summary>UTC day that <see cref="DailyRealizedPnl"/> and <see cref="DailyTradeCount"/> belong to.</summary>
    public DateOnly? DailyDate { get; set; }

    public double DailyRealizedPnl { get; set; }
    public int DailyTradeCount { get; set; }

    /// <summary>Fills since the bot started.</summary>
    public int TradeCount { get; set; }

    public double RealizedPnl { get; set; }
    public double FeesPaid { get; set; }

    public bool InPosition => Quantity > 0;

    /// <summary>Forgets the open position (cash and the day's figures stay).</summary>
    public void ClearPosition()
    {
        Quantity = 0;
        EntryPrice = 0;
        EntryTime = null;
        EntryQuantity = 0;
        EntryFee = 0;
        MaxPriceSinceEntry = 0;
        PartialTakeProfitsFilled = 0;
    }

    public static PositionState Initial(decimal initialCapital) => new() { Cash = (double)initialCapital };

    public PositionState Clone() => (PositionState)MemberwiseClone();
}
