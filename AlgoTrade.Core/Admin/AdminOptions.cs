namespace AlgoTrade.Core.Admin;

public class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>How often the retention job looks for activity logs older than the retention setting.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Delay before the first retention run after start-up.</summary>
    public TimeSpan RetentionStartDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Rows deleted per statement, so no delete holds locks or bloats WAL for long.</summary>
    public int RetentionBatchSize { get; set; } = 10_000;
    /// <summary>Pause between batches, leaving the database to the bots.</summary>
    public TimeSpan RetentionBatchPause { get; set; } = TimeSpan.FromMilliseconds(200);
}
