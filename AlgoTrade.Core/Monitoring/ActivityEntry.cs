using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Monitoring;

/// <summary>One activity log row; <see cref="Details"/> is the jsonb column as indented JSON text.</summary>
public sealed record ActivityEntry(long Id, DateTime Timestamp, ActivityLogLevel Level, string Message, string? Details);
