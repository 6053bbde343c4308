namespace AlgoTrade.Hosting.Live;

public class LiveEventsOptions
{
    public const string Section = "LiveEvents";

    /// <summary>Relay events through PostgreSQL LISTEN/NOTIFY so dashboards on every node see every tick.</summary>
    public bool RelayThroughPostgres { get; set; } = true;

    public string Channel { get; set; } = "algotrade_bot_events";
}
