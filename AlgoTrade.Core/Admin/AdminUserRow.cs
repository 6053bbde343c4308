namespace AlgoTrade.Core.Admin;

/// <summary>A user as admins see it: counts of bots and API keys, never key material.</summary>
public sealed record AdminUserRow(
    int Id,
    string Email,
    string Role,
    bool IsActive,
    DateTime CreatedAt,
    DateTime? LastLoginAt,
    int BotCount,
    int ActiveBotCount,
    int ApiKeyCount,
    bool TwoFactorEnabled = false);
