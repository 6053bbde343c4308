namespace AlgoTrade.Core.Domain;

public static class PaperOrderStatus
{
    public const string New = "NEW";
    public const string Filled = "FILLED";
    public const string Canceled = "CANCELED";
}
