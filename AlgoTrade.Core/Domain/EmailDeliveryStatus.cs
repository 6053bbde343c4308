namespace AlgoTrade.Core.Domain;

public static class EmailDeliveryStatus
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
