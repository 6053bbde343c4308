namespace AlgoTrade.Core.Admin;

public sealed record UserOption(int Id, string Email)
{
    public override string ToString() => Email;
}
