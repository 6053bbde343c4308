using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Email;

/// <summary>One line of a user's delivery log: what was sent, to whom, and what the server answered.</summary>
public sealed record EmailDeliveryRow(long Id, string Kind, string ToAddress, string Subject, EmailDeliveryStatus Status, int Attempts,
    string? ServerReply, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt);
