namespace AlgoTrade.Core.Runtime;

public static class BotIntervals
{
    public const int MinimumSeconds = 5;
    public const int MaximumSeconds = 86_400;
}
