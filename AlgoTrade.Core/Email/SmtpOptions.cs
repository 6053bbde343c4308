namespace AlgoTrade.Core.Email;

/// <summary>The SMTP server email goes through. Without a host and a sender address email is off (and the UI says so).</summary>
public class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
