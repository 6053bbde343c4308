using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Bots;

public sealed record BotOperationResult(
    BotOperationStatus Status,
    BotConfig? Bot = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    BotHistoryCounts? History = null)
{
    public bool Succeeded => Status == BotOperationStatus.Ok;

    public IReadOnlyDictionary<string, string[]> ErrorsOrEmpty => Errors ?? new Dictionary<string, string[]>();

    public static BotOperationResult NotFound { get; } = new(BotOperationStatus.NotFound);

    public static BotOperationResult Ok(BotConfig? bot = null) => new(BotOperationStatus.Ok, bot);

    public static BotOperationResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(BotOperationStatus.Invalid, Errors: errors);
}
