using System.Text.Json.Serialization;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Events;

/// <summary>Something a bot did, published after its transaction committed. Carries its owner so listeners can filter by user.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BotStateChanged), "state")]
[JsonDerivedType(typeof(TradeExecuted), "trade")]
[JsonDerivedType(typeof(LogWritten), "log")]
public abstract record BotEvent(int BotId, int UserId, DateTime OccurredAt);

public sealed record BotStateChanged(int BotId, int UserId, DateTime OccurredAt, BotStatus Status) : BotEvent(BotId, UserId, OccurredAt);

public sealed record TradeExecuted(
    int BotId, int UserId, DateTime OccurredAt, long TradeId, string Symbol, string Side, decimal Price, decimal Quantity,
    decimal? Pnl, string? Reason) : BotEvent(BotId, UserId, OccurredAt);

public sealed record LogWritten(int BotId, int UserId, DateTime OccurredAt, ActivityLogLevel Level, string Message) : BotEvent(BotId, UserId, OccurredAt);
