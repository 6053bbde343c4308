using System.Text.Json;

namespace AlgoTrade.Core.Domain;

public class BotConfig
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string Name { get; set; } = "";
    public string Symbol { get; set; } = "";
    public string Timeframe { get; set; } = "";
    public string ExchangeName { get; set; } = ExchangeNames.Binance;
    public bool IsActive { get; set; }
    public string StrategyType { get; set; } = "";
    public JsonDocument StrategyParams { get; set; } = JsonDocument.Parse("{}");
    public decimal InitialCapital { get; set; }
    public decimal? DailyTargetPerc { get; set; }
    public decimal? MaxDailyLossPerc { get; set; }
    public decimal? PositionSizePerc { get; set; }
    public decimal? PositionSizeFixed { get; set; }
    public decimal? StopLossPerc { get; set; }
    public decimal? TakeProfitPerc { get; set; }
    public decimal? TrailingStopPerc { get; set; }
    public bool TrailingStopActive { get; set; }
    public int CheckIntervalSeconds { get; set; } = 60;
    public JsonDocument PartialTakeProfitsConfig { get; set; } = JsonDocument.Parse("[]");
    public int? MaxTradeDurationHours { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public User? User { get; set; }
    public BotState? State { get; set; }
}
