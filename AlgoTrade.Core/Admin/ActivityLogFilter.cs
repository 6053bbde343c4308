using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Admin;

/// <summary>What the activity log explorer, its live tail and its export narrow down to. Every field is optional.</summary>
public sealed record ActivityLogFilter
{
    /// <summary>Shorter text cannot use the trigram index and would scan the whole table.</summary>
    public const int MinTextLength = 3;

    public int? UserId { get; init; }
    public int? BotId { get; init; }
    public ActivityLogLevel? Level { get; init; }
    /// <summary>Inclusive, UTC.</summary>
    public DateTime? From { get; init; }
    /// <summary>Exclusive, UTC.</summary>
    public DateTime? To { get; init; }
    /// <summary>Case-insensitive substring of the message.</summary>
    public string? Text { get; init; }

    public static ActivityLogFilter None { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Level is { } level && !Enum.IsDefined(level))
            errors.Add($"Unknown level '{level}'.");
        if (From is { } from && To is { } to && from >= to)
            errors.Add("The start of the time range must be before its end.");
        if (!string.IsNullOrEmpty(Text) && Text.Trim().Length < MinTextLength)
            errors.Add($"Search text needs at least {MinTextLength} characters.");
        if (From is { Kind: not DateTimeKind.Utc } || To is { Kind: not DateTimeKind.Utc })
            errors.Add("Times must be UTC.");
        return errors;
    }

    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors));
    }
}
