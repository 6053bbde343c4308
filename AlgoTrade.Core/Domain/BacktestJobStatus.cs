namespace AlgoTrade.Core.Domain;

public static class BacktestJobStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
