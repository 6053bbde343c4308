namespace AlgoTrade.Core.Admin;

/// <param name="CreatedFrom">Inclusive, UTC.</param>
/// <param name="CreatedTo">Exclusive, UTC.</param>
public sealed record UserSearch(
    string? Email = null,
    string? Role = null,
    bool? IsActive = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    UserSortField SortBy = UserSortField.CreatedAt,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25);

public enum UserSortField
{
    CreatedAt,
    Email,
    LastLoginAt,
}
