namespace AlgoTrade.Core.Email;

/// <summary><c>email_deliveries.kind</c> values besides the notification types (which are used as they are).</summary>
public static class EmailKinds
{
    public const string VerifyEmail = "verify_email";
    public const string PasswordReset = "password_reset";
    public const string Digest = "daily_digest";
    public const string Test = "test";
}
