namespace AlgoTrade.Core.Domain;

/// <summary>Where an outbox email stands; stored as <c>pending</c>, <c>retrying</c>, <c>sent</c>, <c>failed</c> (<see cref="EmailDeliveryStatusText"/>).</summary>
public enum EmailDeliveryStatus
{
    Pending,
    Retrying,
    Sent,
    Failed,
}
