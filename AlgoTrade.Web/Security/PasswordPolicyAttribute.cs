using System.ComponentModel.DataAnnotations;
using AlgoTrade.Core.Security;

namespace AlgoTrade.Web.Security;

/// <summary>Shows <see cref="PasswordPolicy"/> messages on the field, the same rules the account service enforces.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PasswordPolicyAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var errors = PasswordPolicy.Validate(value as string);
        return errors.Count == 0
            ? ValidationResult.Success
            : new ValidationResult(string.Join(" ", errors), validationContext.MemberName is { } m ? [m] : null);
    }
}
