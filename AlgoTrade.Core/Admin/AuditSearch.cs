namespace AlgoTrade.Core.Admin;

public sealed record AuditSearch(
    string? AdminEmail = null,
    string? Action = null,
    string? TargetType = null,
    string? TargetId = null,
    DateTime? From = null,
    DateTime? To = null,
    int Page = 0,
    int PageSize = 25);
