using System.Text.Json;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// A trader's backtest jobs: create (validated, then put on the cluster's work queue), list, get, cancel, delete.
/// Every query filters by the owner's user id in the query itself; another user's job is indistinguishable from a
/// missing one.
/// </summary>
public sealed class BacktestJobService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    WorkQueue.WorkQueue queue,
    TimeProvider clock,
    ILogger<BacktestJobService> logger)
{
    public const string DataField = "data";
    public const string JobField = "job";
    private const int MaxListedCsvErrors = 10;

    /// <summary>
    /// Candles come from <c>config.ExchangeName</c> between start and end (end defaults to now), or, when
    /// <paramref name="uploadedCsv"/> is given, from that CSV text (the config's exchange is then cleared).
    /// </summary>
    public async Task<BacktestJobCreateResult> CreateAsync(int userId, BacktestConfig config, string? uploadedCsv = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var e = new ValidationErrors();
        e.AddAll(BacktestConfigValidator.Validate(config));
        Timeframe.TryParse(config.Timeframe, out var timeframe);
        Candle[]? candles = null;

        if (uploadedCsv is not null)
        {
            config = config with { ExchangeName = null };
            candles = ReadCsv(uploadedCsv, timeframe, config, e);
        }
        else
        {
            config = config with { End = config.End ?? now };
            CheckExchangePeriod(config, timeframe, now, e);
        }
        if (!e.IsEmpty)
            return BacktestJobCreateResult.Invalid(e.ToDictionary());

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await queue.CheckJobLimitAsync(db, userId, ct) is { } overLimit)
        {
            e.Add(JobField, overLimit);
            return BacktestJobCreateResult.Invalid(e.ToDictionary());
        }

        var job = new BacktestJob
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Status = BacktestJobStatus.Pending,
            Config = JsonDocument.Parse(BacktestJson.Serialize(config)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BacktestJobs.Add(job);
        queue.Enqueue(db, BacktestWorkItemHandler.WorkKind, job.Id, userId, BacktestPayload.For(candles));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("User {UserId} queued backtest {JobId}: {Strategy} on {Symbol} {Timeframe} from {Source}",
            userId, job.Id, config.StrategyType, config.Symbol, config.Timeframe, config.ExchangeName ?? "an uploaded CSV");
        return BacktestJobCreateResult.Ok(job.Id);
    }

    /// <summary>"Backtest this bot": the bot's settings on its own exchange's history over [start, end).</summary>
    public async Task<BacktestJobCreateResult> CreateForBotAsync(int userId, int botId, DateTime start, DateTime? end, CancellationToken ct = default)
    {
        BotConfig? bot;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            bot = await db.BotConfigs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
        if (bot is null)
            return BacktestJobCreateResult.Missing;
        var config = BacktestConfig.FromBot(bot, start, end, null, null, out var errors);
        return errors.Count > 0 ? BacktestJobCreateResult.Invalid(errors) : await CreateAsync(userId, config, null, ct);
    }

    public async Task<PagedResult<BacktestJobRow>> ListAsync(int userId, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.BacktestJobs.AsNoTracking().Where(j => j.UserId == userId);
        var total = await mine.CountAsync(ct);
        var rows = await mine
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(j => new
            {
                j.Id, j.Status, j.Config, j.CreatedAt, j.UpdatedAt, j.ErrorMessage, j.Progress, j.StartedAt,
                // Only the one number: results carry every fill and can be megabytes.
                Return = j.Results == null ? (double?)null : j.Results.RootElement.GetProperty("summary").GetProperty("total_return_pct").GetDouble(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var c = ReadConfig(r.Config);
            return new BacktestJobRow(r.Id, r.Status, c.Symbol, c.Timeframe, c.StrategyType, c.ExchangeName, c.Start, c.End,
                r.CreatedAt, r.UpdatedAt, r.Return, r.ErrorMessage, r.Progress, r.StartedAt);
        }).ToList();
        return new PagedResult<BacktestJobRow>(items, total);
    }

    /// <summary>The user's job; null when it does not exist or belongs to someone else.</summary>
    public async Task<BacktestJobDetail?> GetAsync(int userId, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.BacktestJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.UserId == userId, ct);
        if (job is null) return null;
        var result = job.Results is null ? null : job.Results.RootElement.Deserialize<BacktestResult>(BacktestJson.Options);
        return new BacktestJobDetail(job.Id, job.Status, ReadConfig(job.Config), BacktestJson.Serialize(ReadConfig(job.Config), indented: true),
            result, job.ErrorMessage, job.CreatedAt, job.UpdatedAt, job.Progress, job.StartedAt);
    }

    /// <summary>
    /// Cancels the user's pending or running job: it ends as cancelled, the node running it stops within moments and
    /// writes nothing. False when the job is someone else's, missing or already finished.
    /// </summary>
    public async Task<bool> CancelAsync(int userId, Guid jobId, CancellationToken ct = default)
    {
        var cancelled = await queue.CancelJobAsync(jobId, userId, "Cancelled by its owner.", ct);
        if (cancelled)
            logger.LogInformation("User {UserId} cancelled backtest {JobId}", userId, jobId);
        return cancelled;
    }

    /// <summary>Deletes the user's job; one still pending or running is cancelled with it.</summary>
    public async Task<bool> DeleteAsync(int userId, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await queue.CancelJobAsync(db, jobId, userId, "Deleted by its owner.", ct);
        var deleted = await db.BacktestJobs.Where(j => j.Id == jobId && j.UserId == userId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        if (deleted > 0)
            logger.LogInformation("User {UserId} deleted backtest {JobId}", userId, jobId);
        return deleted > 0;
    }

    private static BacktestConfig ReadConfig(JsonDocument json) =>
        json.RootElement.Deserialize<BacktestConfig>(BacktestJson.Options) ?? new BacktestConfig();

    private static Candle[]? ReadCsv(string csv, Timeframe? timeframe, BacktestConfig config, ValidationErrors e)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            e.Add(DataField, "The uploaded file is empty.");
            return null;
        }
        var import = CandleCsvImporter.Import(csv, timeframe);
        if (!import.Succeeded)
        {
            foreach (var issue in import.Errors.Take(MaxListedCsvErrors))
                e.Add(DataField, issue.ToString());
            if (import.ErrorCount > MaxListedCsvErrors)
                e.Add(DataField, $"… and {import.ErrorCount - MaxListedCsvErrors} more problems in the file.");
            return null;
        }
        if (import.Candles.Length > BacktestCandleLoader.MaxCandles)
        {
            e.Add(DataField, $"The file holds {import.Candles.Length:N0} candles; at most {BacktestCandleLoader.MaxCandles:N0} per backtest in the browser (the CLI has no limit).");
            return null;
        }
        if (timeframe is not null && import.Timeframe is { } detected && detected != timeframe)
        {
            e.Add(DataField, $"The file's candles are {detected.Code} apart, not {timeframe.Code}: pick {detected.Code} as the timeframe.");
            return null;
        }
        if (import.Candles.Length > 0 && Backtester.SelectRange(import.Candles, config.Start, config.End).IsEmpty)
        {
            e.Add(DataField, $"The file has no candles between start and end; it covers {import.Candles[0].OpenTime:yyyy-MM-dd HH:mm} to {import.Candles[^1].OpenTime:yyyy-MM-dd HH:mm} UTC.");
            return null;
        }
        if (import.Candles.Length == 0)
        {
            e.Add(DataField, "The file holds no candles.");
            return null;
        }
        return import.Candles;
    }

    /// <summary>The period of a config that fetches history; sweeps check their base config with it under <paramref name="keyPrefix"/>.</summary>
    internal static void CheckExchangePeriod(BacktestConfig config, Timeframe? timeframe, DateTime now, ValidationErrors e,
        string keyPrefix = "", string noExchange = "Pick the exchange whose history to test on, or upload a CSV.")
    {
        if (config.ExchangeName is null)
            e.Add(keyPrefix + "exchange_name", noExchange);
        if (config.Start is not { } start)
        {
            e.Add(keyPrefix + "start", "Start is required to fetch history from an exchange.");
            return;
        }
        if (config.End is { } end && end > now.AddMinutes(1))
            e.Add(keyPrefix + "end", "End is in the future; history ends now.");
        if (config.ExchangeName == ExchangeNames.Simulated && start < SimulatedMarket.Origin)
            e.Add(keyPrefix + "start", $"The simulated market's history starts on {SimulatedMarket.Origin:yyyy-MM-dd}.");
        if (timeframe is not null && config.End is { } last && last > start
            && BacktestCandleLoader.CountCandles(start, last, timeframe) is var count && count > BacktestCandleLoader.MaxCandles)
            e.Add(keyPrefix + "start", $"The period holds {count:N0} {timeframe.Code} candles; at most {BacktestCandleLoader.MaxCandles:N0} per backtest: shorten the period or pick a longer timeframe.");
    }
}
