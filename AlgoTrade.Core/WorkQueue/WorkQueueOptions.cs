namespace AlgoTrade.Core.WorkQueue;

public sealed class WorkQueueOptions
{
    public const string Section = "WorkQueue";

    /// <summary>Run the worker on this node; a node without it only enqueues.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in <c>work_items.claimed_by</c>; empty means host name and process id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>
    /// Items this node runs at once. 0 means one less than the processor count (at least one): handlers are CPU-bound
    /// and one core stays free for the live bots' ticks and the web circuits.
    /// </summary>
    public int Concurrency { get; set; }

    /// <summary>How long a claim holds without a heartbeat; a node killed mid-item loses it to another node after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running item's lease is renewed (and its cancellation checked); well below the lease.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Fallback when a NOTIFY is missed, and how soon an expired lease is noticed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Claims of one item before it is given up (each claim after the first follows a node that died holding it).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Pending plus running jobs one user may have at once, backtests and sweeps together.</summary>
    public int MaxActiveJobsPerUser { get; set; } = 3;

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Math.Max(1, Environment.ProcessorCount - 1);

    public string EffectiveNodeId => string.IsNullOrWhiteSpace(NodeId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : NodeId;
}
