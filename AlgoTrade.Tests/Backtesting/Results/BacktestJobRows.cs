using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting.Results;

/// <summary>Backtest jobs written straight into the database, as the job runner leaves them.</summary>
public static class BacktestJobRows
{
    public static async Task<Guid> SaveAsync(IServiceProvider services, int userId, BacktestConfig config,
        string? resultsJson = null, BacktestJobStatus status = BacktestJobStatus.Completed, DateTime? createdAt = null)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = createdAt ?? DateTime.UtcNow;
        var job = new BacktestJob
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Status = status,
            Config = JsonDocument.Parse(BacktestJson.Serialize(config)),
            Results = resultsJson is null ? null : JsonDocument.Parse(resultsJson),
            CreatedAt = now,
            UpdatedAt = now,
            ErrorMessage = status == BacktestJobStatus.Failed ? "No candles in that period." : null,
        };
        db.BacktestJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }
}
