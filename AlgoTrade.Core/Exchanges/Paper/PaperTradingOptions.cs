namespace AlgoTrade.Core.Exchanges.Paper;

/// <summary>Fill rules shared by the paper and simulated exchanges ("Exchanges:Paper").</summary>
public sealed class PaperTradingOptions
{
    public const string Section = "Exchanges:Paper";

    /// <summary>MARKET orders fill this fraction worse than the last price (0.0005 = 0.05%).</summary>
    public decimal SlippageRate { get; set; } = 0.0005m;

    /// <summary>Commission per fill as a fraction of its value, charged in the quote asset (0.001 = 0.1%).</summary>
    public decimal CommissionRate { get; set; } = 0.001m;
}
