using System.Text.Json;
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
}
