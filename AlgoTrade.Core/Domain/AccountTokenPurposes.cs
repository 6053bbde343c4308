namespace AlgoTrade.Core.Domain;

public static class AccountTokenPurposes
{
    public const string EmailVerification = "email_verification";
    public const string PasswordReset = "password_reset";
}
