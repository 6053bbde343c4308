namespace AlgoTrade.Core.Security;

/// <summary>At least 12 characters drawn from at least two classes (lower, upper, digit, symbol).</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public static IReadOnlyList<string> Validate(string? password)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("Password is required.");
            return errors;
        }
        if (password.Length < MinimumLength)
            errors.Add($"Password must be at least {MinimumLength} characters long.");
        if (password.Length > MaximumLength)
            errors.Add($"Password must be at most {MaximumLength} characters long.");
        var classes = 0;
        if (password.Any(char.IsLower)) classes++;
        if (password.Any(char.IsUpper)) classes++;
        if (password.Any(char.IsDigit)) classes++;
        if (password.Any(c => !char.IsLetterOrDigit(c))) classes++;
        if (classes < 2)
            errors.Add("Password must mix at least two kinds of characters (lower case, upper case, digits, symbols).");
        return errors;
    }
}
