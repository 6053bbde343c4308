namespace AlgoTrade.Core.Trading;

/// <summary>
/// <see cref="OrderSide"/> as the seed schema stores it (<c>trades.side</c>, <c>paper_orders.side</c>) and as every
/// outward text shows it (CSV, webhooks, result JSON): <c>BUY</c> / <c>SELL</c>.
/// </summary>
public static class OrderSideText
{
    public const string Buy = "BUY";
    public const string Sell = "SELL";

    public static string ToText(this OrderSide side) => side == OrderSide.Buy ? Buy : Sell;

    /// <summary>Case-insensitive; surrounding spaces ignored.</summary>
    public static bool TryParse(string? text, out OrderSide side)
    {
        side = OrderSide.Buy;
        switch (text?.Trim().ToUpperInvariant())
        {
            case Buy: return true;
            case Sell: side = OrderSide.Sell; return true;
            default: return false;
        }
    }

    public static OrderSide Parse(string text) =>
        TryParse(text, out var side) ? side : throw new FormatException($"Unknown side '{text}': expected {Buy} or {Sell}.");
}
