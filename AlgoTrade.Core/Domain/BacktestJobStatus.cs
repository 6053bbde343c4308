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
    public static readonly SeedText<BacktestJobStatus> Texts = new("backtest job status",
        (BacktestJobStatus.Pending, "pending"),
        (BacktestJobStatus.Running, "running"),
        (BacktestJobStatus.Completed, "completed"),
        (BacktestJobStatus.Failed, "failed"),
        (BacktestJobStatus.Cancelled, "cancelled"));

    public static string Of(BacktestJobStatus status) => Texts.ToText(status);

    public static BacktestJobStatus Parse(string name) => Texts.Parse(name);

    public static bool IsActive(this BacktestJobStatus status) => status is BacktestJobStatus.Pending or BacktestJobStatus.Running;
}
