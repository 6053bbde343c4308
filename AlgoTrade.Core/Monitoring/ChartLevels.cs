namespace AlgoTrade.Core.Monitoring;

/// <summary>The horizontal lines: where the open position's exit rules fire now.</summary>
public sealed record ChartLevels(double? Entry, double? StopLoss, double? TrailingStop, double? TakeProfit)
{
    public static ChartLevels Of(BotSnapshot bot) => bot.InPosition
        ? new ChartLevels((double?)bot.EntryPrice, (double?)bot.StopLossPrice, (double?)bot.TrailingStopPrice, (double?)bot.TakeProfitPrice)
        : new ChartLevels(null, null, null, null);
}
