namespace AlgoTrade.Core.Email;

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; refuses servers that do not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,

    /// <summary>No encryption: only for a server on the same machine.</summary>
    None,
}
