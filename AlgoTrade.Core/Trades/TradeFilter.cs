namespace AlgoTrade.Core.Trades;

/// <summary>
/// Which trades to show. <see cref="Reason"/> matches the entry or the exit reason; <see cref="FromUtc"/> is inclusive
/// and <see cref="ToUtc"/> exclusive; <see cref="Symbol"/> matches part of the symbol, ignoring case. Null means "any".
/// </summary>
public sealed record TradeFilter(
    int? BotId = null,
    string? Symbol = null,
    string? Side = null,
    string? Reason = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null);
