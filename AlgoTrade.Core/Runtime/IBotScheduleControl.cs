namespace AlgoTrade.Core.Runtime;

/// <summary>What Core asks of whatever schedules bots (Quartz in the web app), without knowing about it.</summary>
public interface IBotScheduleControl
{
    Task ScheduleAsync(int botId, int intervalSeconds, CancellationToken cancellationToken = default);
    Task UnscheduleAsync(int botId, CancellationToken cancellationToken = default);
}
