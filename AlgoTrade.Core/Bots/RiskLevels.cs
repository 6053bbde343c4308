using System.Globalization;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// The price levels of a bot's exit rules for an example entry price E, by the fill model of docs/backtesting.md:
/// stop E·(1−s/100), initial trailing stop E·(1−t/100) (it then follows the highest price), partial levels
/// E·(1+p/100) selling r of the entry quantity, and the take-profit E·(1+tp/100) selling the rest.
/// Highest price first, as on a chart.
/// </summary>
public static class RiskLevels
{
    public static IReadOnlyList<RiskLevel> For(
        decimal entryPrice, decimal? stopLossPerc, decimal? trailingStopPerc, IReadOnlyList<PartialTakeProfit> partials, decimal? takeProfitPerc)
    {
        if (entryPrice <= 0) return [];
        var levels = new List<RiskLevel>
        {
            new(RiskLevelKind.Entry, "Entry", entryPrice, 0, null, "Example fill price of the buy."),
        };
        var sold = 0m;
        foreach (var (level, index) in partials.Where(p => p.Percentage > 0 && p.Ratio > 0).OrderBy(p => p.Percentage).Select((p, i) => (p, i)))
        {
            var share = level.Ratio * 100;
            sold += share;
            levels.Add(new RiskLevel(RiskLevelKind.PartialTakeProfit, $"Partial take-profit {index + 1}", Price(entryPrice, level.Percentage),
                level.Percentage, share, $"Sells {F(share)} % of the entry quantity, once."));
        }
        if (takeProfitPerc is > 0 and var tp)
        {
            var rest = Math.Max(0, 100 - sold);
            levels.Add(new RiskLevel(RiskLevelKind.TakeProfit, "Take-profit", Price(entryPrice, tp), tp, rest,
                sold > 0 ? $"Sells the remaining {F(rest)} %." : "Sells the whole position."));
        }
        if (trailingStopPerc is > 0 and < 100 and var tr)
            levels.Add(new RiskLevel(RiskLevelKind.TrailingStop, "Trailing stop (initial)", Price(entryPrice, -tr), -tr, 100,
                $"Starts here and rises with the highest price since entry, staying {F(tr)} % below it; sells everything left."));
        if (stopLossPerc is > 0 and < 100 and var sl)
            levels.Add(new RiskLevel(RiskLevelKind.StopLoss, "Stop-loss", Price(entryPrice, -sl), -sl, 100, "Fixed; sells everything left."));
        return levels.OrderByDescending(l => l.Price).ThenBy(l => l.Kind).ToList();
    }

    private static decimal Price(decimal entry, decimal percent) => entry * (1 + percent / 100m);

    private static string F(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
