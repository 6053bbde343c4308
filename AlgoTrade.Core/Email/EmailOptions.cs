namespace AlgoTrade.Core.Email;

/// <summary>How the outbox delivers and how links in emails are built.</summary>
public class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The address users reach this app at; every link in an email starts with it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Attempts per email, the first included, before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second attempt; doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each node looks for due emails (a new email on this node wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed email stays reserved for the node that claimed it (a crashed node's claims expire).</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    public bool RunWorker { get; set; } = true;
}
