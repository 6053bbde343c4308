namespace AlgoTrade.Core.Domain;

public sealed class BotStatusJsonConverter() : SeedTextJsonConverter<BotStatus>(BotStatusText.Texts);
