namespace AlgoTrade.Core.Domain;

public sealed class ActivityLogLevelJsonConverter() : SeedTextJsonConverter<ActivityLogLevel>(ActivityLogLevelText.Texts);
