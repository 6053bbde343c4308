using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>The config of compared runs as key rows: strategy and its parameters, market, period, risk settings.</summary>
public static class ConfigDifferences
{
    private const string Missing = "—";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ConfigDifference> For(IReadOnlyList<BacktestConfig> configs)
    {
        var rows = new List<ConfigDifference>();
        void Add(string key, Func<BacktestConfig, string> read)
        {
            var values = configs.Select(read).ToList();
            rows.Add(new ConfigDifference(key, values, values.Distinct(StringComparer.Ordinal).Count() > 1));
        }

        Add("Strategy", c => StrategyRegistry.TryGet(c.StrategyType, out var d) ? d.DisplayName : c.StrategyType);
        var parameters = configs.SelectMany(ParamNames).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in parameters)
            Add($"Parameter {name}", c => ParamValue(c, name));
        Add("Candles from", c => c.ExchangeName ?? "uploaded CSV");
        Add("Symbol", c => c.Symbol);
        Add("Timeframe", c => c.Timeframe);
        Add("Period start", c => c.Start is { } s ? s.ToString("yyyy-MM-dd HH:mm", Invariant) : "first candle");
        Add("Period end", c => c.End is { } e ? e.ToString("yyyy-MM-dd HH:mm", Invariant) : "last candle");
        Add("Initial capital", c => Number(c.Risk.InitialCapital));
        Add("Position size %", c => Number(c.Risk.PositionSizePerc));
        Add("Position size fixed", c => Number(c.Risk.PositionSizeFixed));
        Add("Stop loss %", c => Number(c.Risk.StopLossPerc));
        Add("Take profit %", c => Number(c.Risk.TakeProfitPerc));
        Add("Trailing stop %", c => c.Risk.TrailingStopPerc is { } t ? $"{Number(t)}{(c.Risk.TrailingStopActive ? "" : " (off)")}" : Missing);
        Add("Partial take profits", c => PartialTakeProfits(c.Risk));
        Add("Max trade duration h", c => c.Risk.MaxTradeDurationHours?.ToString(Invariant) ?? Missing);
        Add("Daily target %", c => Number(c.Risk.DailyTargetPerc));
        Add("Max daily loss %", c => Number(c.Risk.MaxDailyLossPerc));
        Add("Fee rate", c => Number(c.Risk.FeeRate));
        Add("Slippage bps", c => Number(c.Risk.SlippageBps));
        return rows;
    }

    private static IEnumerable<string> ParamNames(BacktestConfig config) =>
        config.StrategyParams.ValueKind == JsonValueKind.Object ? config.StrategyParams.EnumerateObject().Select(p => p.Name) : [];

    private static string ParamValue(BacktestConfig config, string name) =>
        config.StrategyParams.ValueKind == JsonValueKind.Object && config.StrategyParams.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? Missing : value.GetRawText()
            : Missing;

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.########", Invariant) : Missing;

    private static string PartialTakeProfits(RiskSettings risk) =>
        risk.PartialTakeProfits.Count == 0
            ? Missing
            : string.Join(", ", risk.PartialTakeProfits.Select(p => $"{Number(p.Percentage)} % × {Number(p.Ratio)}"));
}
