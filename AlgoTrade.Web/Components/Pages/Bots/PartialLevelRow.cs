namespace AlgoTrade.Web.Components.Pages.Bots;

/// <summary>"At +<see cref="Percentage"/> % sell <see cref="SellPercent"/> % of the position"; stored as a ratio (percent / 100).</summary>
public sealed class PartialLevelRow
{
    public decimal? Percentage { get; set; }
    public decimal? SellPercent { get; set; }
}
