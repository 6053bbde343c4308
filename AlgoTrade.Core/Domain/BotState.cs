namespace AlgoTrade.Core.Domain;

public class BotState
{
    public int BotConfigId { get; set; }
    public string Status { get; set; } = BotStatus.Stopped;
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

    public BotConfig? BotConfig { get; set; }
}
