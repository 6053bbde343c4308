namespace AlgoTrade.Core.Admin;

public sealed record AuditRow(long Id, DateTime Timestamp, int AdminUserId, string AdminEmail, string Action, string TargetType, string TargetId, string? DetailsJson);
