namespace AlgoTrade.Core.Domain;

/// <summary><see cref="EmailDeliveryStatus"/> as <c>email_deliveries.status</c> (and the worker's claim SQL) spells it.</summary>
public static class EmailDeliveryStatusText
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static readonly SeedText<EmailDeliveryStatus> Texts = new("email delivery status",
        (EmailDeliveryStatus.Pending, Pending), (EmailDeliveryStatus.Retrying, Retrying), (EmailDeliveryStatus.Sent, Sent), (EmailDeliveryStatus.Failed, Failed));

    public static string ToText(this EmailDeliveryStatus status) => Texts.ToText(status);

    public static EmailDeliveryStatus Parse(string text) => Texts.Parse(text);
}
