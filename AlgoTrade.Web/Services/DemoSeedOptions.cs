namespace AlgoTrade.Web.Services;

public class DemoSeedOptions
{
    public const string Section = "DemoSeed";

    public bool Enabled { get; set; }
    public string AdminEmail { get; set; } = "admin@algotrade.local";
    public string AdminPassword { get; set; } = "";
    public string TraderEmail { get; set; } = "trader@algotrade.local";
    public string TraderPassword { get; set; } = "";
}
