namespace AlgoTrade.Core.Domain;

/// <summary>A platform-wide setting an admin can change at run time (app_settings); keys are in <see cref="AppSettingKeys"/>.</summary>
public class AppSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
