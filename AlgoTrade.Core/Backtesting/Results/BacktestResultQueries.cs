using System.Text.Json;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>
/// Read-side queries over a trader's finished backtests that must not load the whole stored result (which carries
/// every fill and can be megabytes). Every query filters by the owner's user id in the query itself; another user's
/// job is indistinguishable from a missing one.
/// </summary>
public sealed class BacktestResultQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    /// <summary>The config a job ran with; null when the job does not exist or is not the user's.</summary>
    public async Task<BacktestConfig?> GetConfigAsync(int userId, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var config = await db.BacktestJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.UserId == userId)
            .Select(j => j.Config)
            .SingleOrDefaultAsync(ct);
        return config?.RootElement.Deserialize<BacktestConfig>(BacktestJson.Options);
    }

    public const int MaxTripPageSize = 200;

    /// <summary>
    /// One page of a run's trades, sorted and paged by PostgreSQL over the stored <c>charts.trips</c> array, so a run with
    /// thousands of trades sends the page only. Empty for another user's run and for runs stored without charts.
    /// </summary>
    public async Task<PagedResult<BacktestRoundTrip>> GetTripsAsync(int userId, Guid jobId, BacktestTripSort sort, bool descending,
        int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxTripPageSize);
        var order = sort switch
        {
            BacktestTripSort.EntryTime => "t.trip->>'entry_time'",
            BacktestTripSort.Pnl => "(t.trip->>'pnl')::float8",
            BacktestTripSort.ReturnPct => "(t.trip->>'return_pct')::float8",
            BacktestTripSort.DurationHours => "(t.trip->>'duration_hours')::float8",
            BacktestTripSort.ExitReason => "t.trip->>'exit_reason'",
            _ => "t.ordinality",
        };
        var direction = descending ? "DESC" : "ASC";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.Database.SqlQuery<int>($"""
            SELECT coalesce(jsonb_array_length(j.results->'charts'->'trips'), 0) AS "Value"
            FROM backtest_jobs j WHERE j.id = {jobId} AND j.user_id = {userId}
            """).SingleOrDefaultAsync(ct);
        if (total == 0) return new PagedResult<BacktestRoundTrip>([], 0);
        // The ORDER BY comes from the whitelist above; every value is a parameter.
#pragma warning disable EF1002
        var rows = await db.Database.SqlQueryRaw<string>($"""
            SELECT t.trip::text AS "Value"
            FROM backtest_jobs j
            CROSS JOIN LATERAL jsonb_array_elements(j.results->'charts'->'trips') WITH ORDINALITY AS t(trip, ordinality)
            WHERE j.id = @id AND j.user_id = @user
            ORDER BY {order} {direction}, t.ordinality {direction}
            LIMIT @take OFFSET @skip
            """,
            new Npgsql.NpgsqlParameter("id", jobId), new Npgsql.NpgsqlParameter("user", userId),
            new Npgsql.NpgsqlParameter("take", pageSize), new Npgsql.NpgsqlParameter("skip", Math.Max(0, page) * pageSize))
            .ToListAsync(ct);
#pragma warning restore EF1002
        var trips = rows.Select(r => JsonSerializer.Deserialize<BacktestRoundTrip>(r, BacktestJson.Options)!).ToList();
        return new PagedResult<BacktestRoundTrip>(trips, total);
    }
}
