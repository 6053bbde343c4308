using System.Globalization;

namespace AlgoTrade.Core.Validation;

/// <summary>
/// Control and format characters (NUL, escapes, zero-width and right-to-left overrides): PostgreSQL refuses NUL in
/// text, and the others make a name or an address look like something it is not.
/// </summary>
public static class InvisibleCharacters
{
    public static bool In(string? text) =>
        text is not null && text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);
}
