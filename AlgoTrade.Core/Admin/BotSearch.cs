using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Admin;

public sealed record BotSearch(
    string? OwnerEmail = null,
    int? OwnerId = null,
    BotStatus? Status = null,
    string? Exchange = null,
    string? Symbol = null,
    int Page = 0,
    int PageSize = 25);
