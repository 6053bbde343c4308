namespace AlgoTrade.Hosting.Scheduling;

public enum SchedulerStoreMode
{
    /// <summary>One node; jobs live in memory and are rebuilt from active bots at start-up.</summary>
    InMemory,
    /// <summary>Quartz's ADO.NET store on our PostgreSQL with clustering: nodes share bots, each fire runs once.</summary>
    Postgres,
}

public class SchedulingOptions
{
    public const string Section = "Scheduling";

    public bool Enabled { get; set; } = true;
    /// <summary>Schedule every active bot when the app starts (off only for test hosts sharing one database).</summary>
    public bool ScheduleActiveBotsAtStartup { get; set; } = true;
    public SchedulerStoreMode StoreMode { get; set; } = SchedulerStoreMode.InMemory;
    /// <summary>Ticks that may run at the same time on this node.</summary>
    public int MaxConcurrency { get; set; } = 20;
    /// <summary>Unique per node in clustered mode; "AUTO" lets Quartz generate one.</summary>
    public string InstanceId { get; set; } = "AUTO";
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
    /// <summary>A fire later than this counts as missed and is skipped rather than run late.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);
}
