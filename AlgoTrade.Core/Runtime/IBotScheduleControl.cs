namespace AlgoTrade.Core.Runtime;

/// <summary>What Core asks of whatever schedules bots (Quartz in the web app), without knowing about it.</summary>
public interface IBotScheduleControl
{
    Task ScheduleAsync(int botId, int intervalSeconds, CancellationToken cancellationToken = default);
    Task UnscheduleAsync(int botId, CancellationToken cancellationToken = default);

    /// <summary>Runs the bot's tick now, outside its rhythm (after the one in progress, if any).</summary>
    Task TriggerNowAsync(int botId, CancellationToken cancellationToken = default);
}
