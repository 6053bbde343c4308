namespace AlgoTrade.Core.Email;

/// <param name="Reply">The server's answer (or what went wrong talking to it); never holds credentials.</param>
/// <param name="Transient">Whether trying again later may succeed (4xx, timeouts, refused connections).</param>
public sealed record SmtpSendResult(bool Succeeded, bool Transient, string Reply);
