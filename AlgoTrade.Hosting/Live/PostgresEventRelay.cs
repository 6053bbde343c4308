using System.Text.Json;
using System.Threading.Channels;
using AlgoTrade.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AlgoTrade.Hosting.Live;

/// <summary>
/// Forwards events published on this node with NOTIFY and delivers events NOTIFYed by other nodes to the local hub.
/// A node ignores its own notifications (it already delivered them in-process).
/// </summary>
public sealed class PostgresEventRelay(
    BotEventHub hub,
    IConfiguration configuration,
    IOptions<LiveEventsOptions> options,
    ILogger<PostgresEventRelay> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly Channel<BotEvent> _outbox = Channel.CreateBounded<BotEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RelayThroughPostgres) return;
        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Value.Channel, "^[a-z_][a-z0-9_]{0,62}$"))
            throw new InvalidOperationException("LiveEvents:Channel must be a lower-case PostgreSQL identifier.");
        var connectionString = configuration.GetConnectionString("Default")!;
        hub.PublishedLocally += OnPublishedLocally;
        try
        {
            await Task.WhenAll(ListenAsync(connectionString, stoppingToken), NotifyAsync(connectionString, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            hub.PublishedLocally -= OnPublishedLocally;
        }
    }

    private void OnPublishedLocally(BotEvent botEvent) => _outbox.Writer.TryWrite(botEvent);

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(ct);
                conn.Notification += (_, e) => OnNotification(e.Payload);
                await using (var cmd = new NpgsqlCommand($"LISTEN {options.Value.Channel}", conn))
                    await cmd.ExecuteNonQueryAsync(ct);
                while (!ct.IsCancellationRequested)
                    await conn.WaitAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Live event listener lost its database connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private void OnNotification(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
            if (envelope is null || envelope.Node == _nodeId) return;
            foreach (var botEvent in envelope.Events)
                hub.Deliver(botEvent);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed live event notification");
        }
    }

    // PostgreSQL caps a NOTIFY payload at 8000 bytes; events travel in batches below that.
    private const int MaxPayloadBytes = 7_000;

    private async Task NotifyAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var batch = new List<BotEvent>();
        while (await _outbox.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            var size = 0;
            while (size < MaxPayloadBytes && _outbox.Reader.TryRead(out var botEvent))
            {
                batch.Add(botEvent);
                size += 160;
            }
            foreach (var payload in Payloads(batch))
            {
                try
                {
                    await using var cmd = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
                    cmd.Parameters.AddWithValue(options.Value.Channel);
                    cmd.Parameters.AddWithValue(payload);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not relay {Count} live events to other nodes", batch.Count);
                }
            }
        }
    }

    /// <summary>Splits a batch into envelopes that each fit in one notification.</summary>
    private IEnumerable<string> Payloads(List<BotEvent> batch)
    {
        var start = 0;
        while (start < batch.Count)
        {
            var count = batch.Count - start;
            string payload;
            while (true)
            {
                payload = JsonSerializer.Serialize(new Envelope(_nodeId, batch.GetRange(start, count)), Json);
                if (System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes || count == 1) break;
                count = Math.Max(1, count / 2);
            }
            start += count;
            yield return payload;
        }
    }

    private sealed record Envelope(string Node, List<BotEvent> Events);
}
