namespace AlgoTrade.Core.Domain;

/// <summary><see cref="EmailDeliveryStatus"/> as <c>email_deliveries.status</c> (and the worker's claim SQL) spells it.</summary>
public static class EmailDeliveryStatusText
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static string ToText(this EmailDeliveryStatus status) => status switch
    {
        EmailDeliveryStatus.Pending => Pending,
        EmailDeliveryStatus.Retrying => Retrying,
        EmailDeliveryStatus.Sent => Sent,
        EmailDeliveryStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EmailDeliveryStatus Parse(string text) => text switch
    {
        Pending => EmailDeliveryStatus.Pending,
        Retrying => EmailDeliveryStatus.Retrying,
        Sent => EmailDeliveryStatus.Sent,
        Failed => EmailDeliveryStatus.Failed,
        _ => throw new FormatException($"Unknown email delivery status '{text}'."),
    };
}
