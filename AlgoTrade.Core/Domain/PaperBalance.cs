namespace AlgoTrade.Core.Domain;

/// <summary>One asset of a bot's virtual account on the paper or simulated exchange (docs/data-model.md).</summary>
public class PaperBalance
{
    public int Id { get; set; }
    public int BotConfigId { get; set; }
    public string Asset { get; set; } = "";
    public decimal Free { get; set; }
    public decimal Locked { get; set; }
    public DateTime UpdatedAt { get; set; }

    public BotConfig? BotConfig { get; set; }
}
