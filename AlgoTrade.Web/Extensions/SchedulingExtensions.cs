using AlgoTrade.Hosting;

namespace AlgoTrade.Web.Extensions;

public static class SchedulingExtensions
{
    public static WebApplicationBuilder AddAlgoTradeScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddAlgoTradeScheduling(builder.Configuration);
        return builder;
    }
}
