using System.Text.Json;
using AlgoTrade.Core.Trading;

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

    /// <summary>The risk columns (<c>initial_capital</c> … <c>max_daily_loss_perc</c>), as one value.</summary>
    public RiskSettings Risk { get; set; } = new();
    public int CheckIntervalSeconds { get; set; } = 60;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public User? User { get; set; }
    public BotState? State { get; set; }
}
