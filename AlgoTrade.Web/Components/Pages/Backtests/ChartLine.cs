using AlgoTrade.Core.Monitoring;

namespace AlgoTrade.Web.Components.Pages.Backtests;

/// <summary>One line of <see cref="BacktestLinesChart"/>: <see cref="Area"/> fills it down to the axis (drawdown).</summary>
public sealed record ChartLine(string Name, string Color, IReadOnlyList<ChartPoint> Points, bool Area = false, bool Dashed = false);
