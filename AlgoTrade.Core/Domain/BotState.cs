namespace AlgoTrade.Core.Domain;

public class BotState
{
    public int BotConfigId { get; set; }
    public BotStatus Status { get; set; } = BotStatus.Stopped;
    public bool InPosition { get; set; }
    public decimal? EntryPrice { get; set; }
    public decimal? CurrentPositionSizeCoins { get; set; }
    public decimal? TrailingStopPrice { get; set; }
    public decimal? MaxPriceSinceEntry { get; set; }
    public decimal? TakeProfitPrice { get; set; }
    public decimal? StopLossPrice { get; set; }
    public decimal DailyPnl { get; set; }
    public int DailyTradesCount { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastErrorMessage { get; set; }
    public DateTime LastUpdatedAt { get; set; }

    // Additions to the seed (docs/data-model.md): what the live runtime needs between ticks.
    public DateTime? LastCandleOpenTime { get; set; }
    /// <summary>The risk engine's PositionState as JSON (cash, position, daily counters, pending order).</summary>
    public string? EngineState { get; set; }
    public int OrderSequence { get; set; }
    /// <summary>Orders sent (or about to be) whose fill is not yet recorded, as JSON; reconciled on the next tick.</summary>
    public string? PendingOrders { get; set; }
    public int ConsecutiveFailures { get; set; }
    public bool ForceExitRequested { get; set; }
    public decimal? LastPrice { get; set; }

    public BotConfig? BotConfig { get; set; }
}
