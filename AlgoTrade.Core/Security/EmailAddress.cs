using System.Net.Mail;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Security;

public static class EmailAddress
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 320 || InvisibleCharacters.In(email)) return false;
        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal);
    }
}
