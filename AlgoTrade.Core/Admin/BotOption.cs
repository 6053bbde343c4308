namespace AlgoTrade.Core.Admin;

public sealed record BotOption(int Id, string Name, string Symbol, int OwnerId, string OwnerEmail)
{
    public override string ToString() => $"#{Id} {Name} ({Symbol}) · {OwnerEmail}";
}
