namespace AlgoTrade.Core.Domain;

/// <summary>Stored as its lower-case name, as in the seed schema (<c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c>), plus <c>cancelled</c>.</summary>
public enum BacktestJobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}

public static class BacktestJobStatusNames
{
    public static string Of(BacktestJobStatus status) => status switch
    {
        BacktestJobStatus.Pending => "pending",
        BacktestJobStatus.Running => "running",
        BacktestJobStatus.Completed => "completed",
        BacktestJobStatus.Failed => "failed",
        BacktestJobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static BacktestJobStatus Parse(string name) => name switch
    {
        "pending" => BacktestJobStatus.Pending,
        "running" => BacktestJobStatus.Running,
        "completed" => BacktestJobStatus.Completed,
        "failed" => BacktestJobStatus.Failed,
        "cancelled" => BacktestJobStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown backtest job status."),
    };

    public static bool IsActive(this BacktestJobStatus status) => status is BacktestJobStatus.Pending or BacktestJobStatus.Running;
}
