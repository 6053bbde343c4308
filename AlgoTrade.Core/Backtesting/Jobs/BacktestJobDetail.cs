using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>A job with its config and, once completed, its results.</summary>
public sealed record BacktestJobDetail(
    Guid Id,
    BacktestJobStatus Status,
    BacktestConfig Config,
    string ConfigJson,
    BacktestResult? Result,
    string? ErrorMessage,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    double Progress,
    DateTime? StartedAt);
