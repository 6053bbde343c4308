using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Bots;
using AlgoTrade.Web.Admin;

namespace AlgoTrade.Web.Extensions;

public static class AdminExtensions
{
    /// <summary>The admin area: user and bot administration, the activity log explorer, retention and the System page.</summary>
    public static IServiceCollection AddAlgoTradeAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton<ActivityLogQuery>();
        services.AddSingleton<AdminLookups>();
        services.AddSingleton<AdminUserService>();
        services.AddSingleton<AdminBotService>();
        services.AddSingleton<AdminAuditQuery>();
        services.AddSingleton<AdminOverviewQuery>();
        services.AddSingleton<ActivityLogRetention>();
        services.AddSingleton<AdminSecuritySettings>();
        services.AddHostedService<ActivityLogRetentionService>();
        services.AddSingleton<SchedulerStatusReader>();
        return services;
    }
}
