using System.Text.Json;
using System.Threading.Channels;
using AlgoTrade.Core.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// Writes high-volume activity log rows (routine tick lines, warnings) in batches with binary COPY, off the tick's
/// hot path. Rows are kept until written: a failed batch is retried, rows of bots deleted meanwhile are dropped
/// one by one, and stopping the host flushes everything queued. Rows that must commit atomically with a trade are
/// written by the tick's own transaction instead.
/// </summary>
public sealed class ActivityLogWriter(IConfiguration configuration, ILogger<ActivityLogWriter> logger) : BackgroundService
{
    private const int BatchSize = 2_000;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _drainGate = new(1, 1);
    private readonly Channel<BotActivityLog> _queue = Channel.CreateUnbounded<BotActivityLog>(new UnboundedChannelOptions { SingleReader = true });
    // Not made in ExecuteAsync: that runs on the thread pool, and a stop right after the start must still find it to flush the queue.
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => NpgsqlDataSource.Create(configuration.GetConnectionString("Default")!));
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    public void Enqueue(BotActivityLog row)
    {
        if (!_queue.Writer.TryWrite(row))
            throw new InvalidOperationException("The activity log writer has stopped; the row would be lost.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BotActivityLog>(BatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(FlushInterval, stoppingToken);
                await DrainAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        // Shutdown: write whatever is still queued before the process goes.
        await DrainAsync(new List<BotActivityLog>(BatchSize), CancellationToken.None);
        if (_dataSource.IsValueCreated) await _dataSource.Value.DisposeAsync();
    }

    /// <summary>Writes everything queued so far; tests and shutdown use it to make writes visible.</summary>
    public Task FlushAsync(CancellationToken ct = default) => DrainAsync(new List<BotActivityLog>(BatchSize), ct);

    private async Task DrainAsync(List<BotActivityLog> batch, CancellationToken ct)
    {
        await _drainGate.WaitAsync(ct);
        try
        {
            while (true)
            {
                batch.Clear();
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var row))
                    batch.Add(row);
                if (batch.Count == 0) return;
                await WriteWithRetryAsync(batch, ct);
            }
        }
        finally
        {
            _drainGate.Release();
        }
    }

    private async Task WriteWithRetryAsync(List<BotActivityLog> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CopyAsync(batch, ct);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (PostgresException ex) when (!ex.IsTransient)
            {
                // Typically a bot deleted while its rows waited: keep every row that can still be written.
                await WriteOneByOneAsync(batch, ct);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Activity log batch of {Count} rows failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt * attempt)), CancellationToken.None);
            }
        }
    }

    private async Task CopyAsync(IReadOnlyCollection<BotActivityLog> rows, CancellationToken ct)
    {
        await using var conn = await _dataSource.Value.OpenConnectionAsync(ct);
        await using var importer = await conn.BeginBinaryImportAsync(
            "COPY bot_activity_logs (bot_config_id, user_id, timestamp, log_level, message, details) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.BotConfigId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.UserId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.Timestamp, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(row.LogLevel.ToText(), NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(row.Message, NpgsqlDbType.Text, ct);
            if (row.Details is null)
                await importer.WriteNullAsync(ct);
            else
                await importer.WriteAsync(JsonSerializer.Serialize(row.Details.RootElement), NpgsqlDbType.Jsonb, ct);
        }
        await importer.CompleteAsync(ct);
    }

    private async Task WriteOneByOneAsync(List<BotActivityLog> batch, CancellationToken ct)
    {
        var dropped = 0;
        foreach (var row in batch)
        {
            try
            {
                await CopyAsync([row], ct);
                Interlocked.Increment(ref _written);
            }
            catch (PostgresException ex) when (!ex.IsTransient)
            {
                dropped++;
                logger.LogWarning("Dropped an activity log row of bot {BotId}: {SqlState} {Reason}", row.BotConfigId, ex.SqlState, ex.MessageText);
            }
        }
        if (dropped > 0)
            logger.LogInformation("Dropped {Dropped} of {Count} activity log rows that could not be written", dropped, batch.Count);
    }
}
