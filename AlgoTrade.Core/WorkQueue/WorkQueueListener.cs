using System.Text.Json;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// LISTENs on <see cref="WorkQueue.Channel"/>: "new" wakes this node's worker slots, item events go to
/// <see cref="WorkQueueEvents"/> (pages, and the worker's own cancel watch). Reconnects by itself.
/// </summary>
public sealed class WorkQueueListener(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    WorkQueueSignal signal,
    WorkQueueEvents events,
    ILogger<WorkQueueListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            connectionString = db.Database.GetConnectionString()!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => OnNotification(e.Payload);
                await using (var cmd = new NpgsqlCommand($"LISTEN {WorkQueue.Channel}", conn))
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                // Anything enqueued while we were not listening.
                signal.Pulse();
                while (!stoppingToken.IsCancellationRequested)
                    await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Work queue listener lost its database connection; reconnecting");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (payload == WorkQueue.NewItemsPayload)
        {
            signal.Pulse();
            return;
        }
        try
        {
            if (JsonSerializer.Deserialize<WorkItemEvent>(payload, WorkQueue.PayloadJson) is { } e)
                events.Deliver(e);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed work queue notification");
        }
    }
}
