namespace AlgoTrade.Core.Backtesting.Jobs;

public sealed class BacktestOptions
{
    public const string Section = "Backtests";

    /// <summary>
    /// Mark jobs left pending or running by an earlier process as failed when the worker starts. The queue is in
    /// memory, so nothing else would ever finish them; turn it off only where several hosts share one database.
    /// </summary>
    public bool FailInterruptedJobsAtStartup { get; set; } = true;
}
