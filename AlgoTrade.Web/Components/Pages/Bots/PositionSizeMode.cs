namespace AlgoTrade.Web.Components.Pages.Bots;

public enum PositionSizeMode
{
    /// <summary><c>position_size_perc</c>: a percentage of the cash available at entry.</summary>
    PercentOfCash,
    /// <summary><c>position_size_fixed</c>: the same quote amount (e.g. 100 USDT) at every entry.</summary>
    FixedQuote,
}
