namespace AlgoTrade.Core.Notifications;

public class SmtpOptions
{
    public string Host { get; set; } = "";
}
