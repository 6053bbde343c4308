using OtpNet;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Computes TOTP codes from a shown secret the way an authenticator app does. The server accepts each 30-second step
/// once, so this hands out codes of strictly increasing steps (the current one or the next, which the server's
/// one-step drift window accepts), waiting when both were used.
/// </summary>
public sealed class TotpCodes(string base32Secret)
{
    private readonly Totp _totp = new(Base32Encoding.ToBytes(base32Secret.Replace(" ", "", StringComparison.Ordinal)));
    private long _lastStep = -1;

    public static long StepAt(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds() / 30;

    public async Task<string> NextAsync()
    {
        while (true)
        {
            var now = DateTime.UtcNow;
            var current = StepAt(now);
            var target = Math.Max(current, _lastStep + 1);
            // Not the last 3 s of a step for the current one: the request must reach the server inside the window.
            if (target == current && now.Second % 30 >= 27) target = current + 1;
            if (target <= current + 1)
            {
                _lastStep = target;
                return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(target * 30).UtcDateTime);
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>The code of a step outside the accepted window (two steps back).</summary>
    public string Stale() => _totp.ComputeTotp(DateTime.UtcNow.AddSeconds(-75));
}
