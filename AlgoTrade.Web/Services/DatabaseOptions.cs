namespace AlgoTrade.Web.Services;

public class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF migrations when the app starts. On in Development, off elsewhere.</summary>
    public bool MigrateOnStartup { get; set; }
}
