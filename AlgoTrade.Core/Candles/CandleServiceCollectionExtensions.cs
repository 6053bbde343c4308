using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Candles;

public static class CandleServiceCollectionExtensions
{
    /// <summary>The candle store and what fills it (exchange downloads, CSV imports); needs the database and exchanges.</summary>
    public static IServiceCollection AddAlgoTradeCandles(this IServiceCollection services)
    {
        services.AddSingleton<CandleStore>();
        services.AddSingleton<CandleDownloader>();
        services.AddSingleton<CandleFileImporter>();
        return services;
    }
}
