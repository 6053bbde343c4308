using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>The wording of the "backtest finished" notification (email lines and webhook body).</summary>
public static class BacktestNotifications
{
    public static NotificationMessage Finished(Guid jobId, BacktestConfig? config, BacktestSummary? summary, BacktestJobStatus status, string? error, DateTime at)
    {
        var market = config is null ? "unknown market" : $"{config.Symbol} {config.Timeframe}";
        var strategy = config?.StrategyType ?? "unknown strategy";
        var completed = status == BacktestJobStatus.Completed;
        var time = at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        string Pct(double v) => v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " %";
        IReadOnlyList<string> lines = completed && summary is not null
            ?
            [
                $"Strategy: {strategy}", $"Market: {market}",
                $"Return: {Pct(summary.TotalReturnPct)}", $"Max drawdown: {Pct(-summary.MaxDrawdownPct)}",
                $"Trades: {summary.NumberOfTrades.ToString(CultureInfo.InvariantCulture)}", $"Finished: {time}",
            ]
            : [$"Strategy: {strategy}", $"Market: {market}", $"Error: {error ?? "unknown"}", $"Finished: {time}"];
        var reason = completed && summary is not null ? $"completed, return {Pct(summary.TotalReturnPct)}" : $"failed: {error}";
        return new NotificationMessage(
            completed ? $"Backtest of {strategy} on {market} completed" : $"Backtest of {strategy} on {market} failed",
            completed ? "Your backtest completed" : "Your backtest failed",
            lines,
            $"/backtests/{jobId}",
            new WebhookPayload(NotificationTypes.BacktestFinished, 0, "", config?.Symbol, null, null, null,
                completed && summary is not null ? (decimal)Math.Round(summary.FinalEquity - summary.InitialEquity, 8) : null, reason, at));
    }
}
