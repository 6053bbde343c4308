namespace AlgoTrade.Core.Exchanges;

public enum OrderStatus
{
    New,
    PartiallyFilled,
    Filled,
    Canceled,
    PendingCancel,
    Rejected,
    Expired,
}
