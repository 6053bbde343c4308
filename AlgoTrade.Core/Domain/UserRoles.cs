namespace AlgoTrade.Core.Domain;

public static class UserRoles
{
    public const string Trader = "Trader";
    public const string Admin = "Admin";

    public static bool IsValid(string role) => role is Trader or Admin;
}
