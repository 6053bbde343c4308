namespace AlgoTrade.Core.ApiKeys;

/// <summary>What a list shows about a stored key: never the key or the secret, only the masked key.</summary>
public sealed record ApiKeySummary(
    int Id,
    string ExchangeName,
    string Label,
    string MaskedKey,
    bool IsValid,
    DateTime? LastValidatedAt,
    string? ValidationMessage,
    bool? CanWithdraw,
    bool? IpRestricted,
    DateTime CreatedAt)
{
    public IReadOnlyList<string> Warnings =>
    [
        .. CanWithdraw == true ? ["This key can withdraw funds; trading bots need a key with withdrawals disabled."] : Array.Empty<string>(),
        .. IpRestricted == false ? ["This key is not restricted to trusted IP addresses."] : Array.Empty<string>(),
    ];
}
