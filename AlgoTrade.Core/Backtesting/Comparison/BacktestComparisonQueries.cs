using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>
/// Loads 2–6 of a trader's completed runs for the compare page: summary, config and the stored chart equity only (never
/// the fills). The owner filter is in the query, so another user's run reads exactly like an unknown id.
/// </summary>
public sealed class BacktestComparisonQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public const int MinRuns = 2;
    public const int MaxRuns = 6;

    public async Task<BacktestComparison> CompareAsync(int userId, IReadOnlyList<Guid> jobIds, CancellationToken ct = default)
    {
        var ids = jobIds.Distinct().ToArray();
        if (ids.Length < MinRuns)
            return BacktestComparison.Rejected($"Pick at least {MinRuns} completed runs to compare (you picked {ids.Length}).");
        if (ids.Length > MaxRuns)
            return BacktestComparison.Rejected($"Compare at most {MaxRuns} runs at a time (you picked {ids.Length}).");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.Database.SqlQuery<string>($"""
            SELECT jsonb_build_object(
                'id', j.id, 'status', j.status, 'created_at', j.created_at, 'config', j.config,
                'summary', j.results->'summary', 'equity', j.results->'charts'->'equity')::text AS "Value"
            FROM backtest_jobs j
            WHERE j.user_id = {userId} AND j.id = ANY({ids})
            """).ToListAsync(ct);
        var found = json.Select(r => JsonSerializer.Deserialize<StoredRun>(r, BacktestJson.Options)!).ToDictionary(r => r.Id);

        var missing = ids.Count(id => !found.ContainsKey(id));
        if (missing > 0)
            return BacktestComparison.Rejected(missing == 1
                ? "One of the runs you picked does not exist (it may have been deleted). Go back to the list and pick again."
                : $"{missing} of the runs you picked do not exist (they may have been deleted). Go back to the list and pick again.");

        var runs = new List<BacktestComparedRun>(ids.Length);
        foreach (var id in ids)
        {
            var row = found[id];
            var config = row.Config.Deserialize<BacktestConfig>(BacktestJson.Options)!;
            var status = BacktestJobStatusNames.Parse(row.Status);
            var name = $"The run of {config.Symbol} {config.Timeframe} created {row.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
            if (status != BacktestJobStatus.Completed)
                return BacktestComparison.Rejected($"{name} is {row.Status}; only completed runs can be compared.");
            if (row.Summary is null)
                return BacktestComparison.Rejected($"{name} has no stored result; run it again to compare it.");
            runs.Add(new BacktestComparedRun(id, row.CreatedAt.UtcDateTime, config, row.Summary, Normalize(row.Equity, row.Summary.InitialEquity)));
        }

        return new BacktestComparison(null, runs, ComparedMetrics.For([.. runs.Select(r => r.Summary)]),
            ConfigDifferences.For([.. runs.Select(r => r.Config)]));
    }

    // Each curve starts at 100 (its initial capital), so runs with different capital read on one axis.
    private static List<ChartPoint>? Normalize(IReadOnlyList<BacktestEquityBar>? equity, double initialEquity)
    {
        if (equity is not { Count: > 0 }) return null;
        var start = initialEquity > 0 ? initialEquity : equity[0].Equity;
        if (start <= 0) return null;
        return [.. equity.Select(e => new ChartPoint(e.Time, Math.Round(e.Equity / start * 100, 3)))];
    }

    private sealed record StoredRun(
        Guid Id,
        string Status,
        DateTimeOffset CreatedAt,
        JsonElement Config,
        BacktestSummary? Summary,
        IReadOnlyList<BacktestEquityBar>? Equity);
}
