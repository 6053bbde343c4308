using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Core.Sweeps;

/// <summary>The backtest config of one point: the base config with each target set to the point's value.</summary>
public static class SweepPointConfig
{
    public static BacktestConfig Apply(BacktestConfig baseConfig, IReadOnlyList<SweepTarget> targets, IReadOnlyList<decimal> values)
    {
        if (targets.Count != values.Count) throw new ArgumentException("One value per target.", nameof(values));
        var config = baseConfig;
        JsonNode? strategy = null;
        for (var i = 0; i < targets.Count; i++)
        {
            var value = values[i];
            switch (targets[i].Key)
            {
                case SweepTargets.StopLoss: config = config with { Risk = config.Risk with { StopLossPerc = value } }; break;
                case SweepTargets.TakeProfit: config = config with { Risk = config.Risk with { TakeProfitPerc = value } }; break;
                case SweepTargets.TrailingStop: config = config with { Risk = config.Risk with { TrailingStopPerc = value, TrailingStopActive = true } }; break;
                case SweepTargets.PositionSize: config = config with { Risk = config.Risk with { PositionSizePerc = value, PositionSizeFixed = null } }; break;
                default:
                    strategy ??= JsonNode.Parse(baseConfig.StrategyParams.ValueKind == JsonValueKind.Object ? baseConfig.StrategyParams.GetRawText() : "{}")!;
                    Set(strategy, targets[i].StrategyPath, value);
                    break;
            }
        }
        if (strategy is not null)
        {
            using var document = JsonDocument.Parse(strategy.ToJsonString());
            config = config with { StrategyParams = document.RootElement.Clone() };
        }
        return config;
    }

    /// <summary>Sets the number at a dotted path with list indexes (<c>entry.all[0].left.period</c>), adding the last key when it is missing.</summary>
    private static void Set(JsonNode root, string path, decimal value)
    {
        var segments = path.Split('.');
        var node = root;
        for (var s = 0; s < segments.Length; s++)
        {
            var (name, index) = Segment(segments[s]);
            var last = s == segments.Length - 1 && index is null;
            if (last)
            {
                if (node is not JsonObject leafParent) throw new ArgumentException($"'{path}' does not lead to a number.", nameof(path));
                leafParent[name] = JsonValue.Create(value);
                return;
            }
            if (node is not JsonObject obj || obj[name] is not { } child)
                throw new ArgumentException($"'{path}' is not in the strategy parameters.", nameof(path));
            node = child;
            if (index is { } i)
            {
                if (node is not JsonArray array || i >= array.Count) throw new ArgumentException($"'{path}' is not in the strategy parameters.", nameof(path));
                if (s == segments.Length - 1)
                {
                    array[i] = JsonValue.Create(value);
                    return;
                }
                node = array[i]!;
            }
        }
        throw new ArgumentException($"'{path}' does not lead to a number.", nameof(path));
    }

    private static (string Name, int? Index) Segment(string segment)
    {
        var open = segment.IndexOf('[');
        if (open < 0) return (segment, null);
        var index = int.Parse(segment.AsSpan(open + 1, segment.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        return (segment[..open], index);
    }
}
