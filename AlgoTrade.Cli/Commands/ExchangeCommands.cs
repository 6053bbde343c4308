using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Binance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Cli.Commands;

/// <summary>Operator checks against an exchange; no database needed.</summary>
internal static class ExchangeCommands
{
    public static async Task<int> PingAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await using var host = Host.Create(args);
        args.EnsureNoUnknownOptions();
        var client = host.Client();
        if (client is BinanceSpotClient binance)
        {
            var ping = await binance.ExchangeData.PingAsync(ct);
            if (!ping.Success)
                return await FailAsync(stderr, ping.Error);
            await stdout.WriteLineAsync($"pong from {host.BaseUrl} in {ping.Data.TotalMilliseconds:0} ms");
        }
        var time = await client.GetServerTimeAsync(ct);
        if (!time.Success)
            return await FailAsync(stderr, time.Error);
        await stdout.WriteLineAsync($"{host.Exchange} server time {time.Data:yyyy-MM-dd HH:mm:ss.fff} UTC");
        return 0;
    }

    public static async Task<int> SymbolsAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        await using var host = Host.Create(args);
        args.EnsureNoUnknownOptions();
        var symbols = await host.Client().GetSymbolsAsync(ct);
        if (!symbols.Success)
            return await FailAsync(stderr, symbols.Error);
        await stdout.WriteLineAsync($"{"SYMBOL",-14} {"STATUS",-10} {"BASE",-8} {"QUOTE",-8} {"TICK",-14} {"STEP",-14} {"MIN QTY",-14} MIN NOTIONAL");
        foreach (var s in symbols.Data)
            await stdout.WriteLineAsync($"{s.Symbol,-14} {s.Status,-10} {s.BaseAsset,-8} {s.QuoteAsset,-8} {s.TickSize.Text(),-14} {s.StepSize.Text(),-14} {s.MinQuantity.Text(),-14} {s.MinNotional.Text()}");
        return 0;
    }

    public static async Task<int> KlinesAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var symbol = args.Require("symbol").ToUpperInvariant();
        var timeframe = args.Require("timeframe");
        var limit = args.GetInt("limit", 20);
        if (!KlineIntervals.IsValid(timeframe))
            throw new CliException($"Unknown timeframe '{timeframe}'. Use one of: {string.Join(", ", KlineIntervals.All)}.");
        if (limit is < 1 or > 5000)
            throw new CliException("--limit must be between 1 and 5000.");
        await using var host = Host.Create(args);
        args.EnsureNoUnknownOptions();
        var klines = await host.Client().GetClosedKlinesAsync(symbol, timeframe, limit, ct: ct);
        if (!klines.Success)
            return await FailAsync(stderr, klines.Error);
        await stdout.WriteLineAsync($"{"OPEN TIME (UTC)",-17} {"OPEN",14} {"HIGH",14} {"LOW",14} {"CLOSE",14} {"VOLUME",16}");
        foreach (var k in klines.Data)
            await stdout.WriteLineAsync($"{k.OpenTime:yyyy-MM-dd HH:mm} {k.Open.Text(),14} {k.High.Text(),14} {k.Low.Text(),14} {k.Close.Text(),14} {k.Volume.Text(),16}");
        return 0;
    }

    public static async Task<int> AccountAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var apiKey = args.Get("api-key") ?? Environment.GetEnvironmentVariable("ALGOTRADE_API_KEY");
        var secret = args.Get("api-secret") ?? Environment.GetEnvironmentVariable("ALGOTRADE_API_SECRET");
        await using var host = Host.Create(args);
        args.EnsureNoUnknownOptions();
        if (!ExchangeNames.RequiresApiKey(host.Exchange))
            throw new CliException($"'exchange account' needs {ExchangeNames.Binance} or {ExchangeNames.BinanceTestnet}; {host.Exchange} has no real account.");
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(secret))
            throw new CliException("Missing credentials: pass --api-key and --api-secret or set ALGOTRADE_API_KEY and ALGOTRADE_API_SECRET.");
        var client = (BinanceSpotClient)host.Client(new ExchangeCredentials(apiKey, secret));
        var account = await client.Account.GetAccountInfoAsync(ct);
        if (!account.Success)
            return await FailAsync(stderr, account.Error);
        await stdout.WriteLineAsync($"can trade: {Yes(account.Data.CanTrade)}   can withdraw: {Yes(account.Data.CanWithdraw)}");
        var restrictions = await client.Account.GetApiKeyRestrictionsAsync(ct);
        if (restrictions.Success)
            await stdout.WriteLineAsync($"key restricted to IPs: {Yes(restrictions.Data.IpRestricted)}   key may withdraw: {Yes(restrictions.Data.CanWithdraw)}");
        await stdout.WriteLineAsync($"{"ASSET",-10} {"FREE",20} {"LOCKED",20}");
        foreach (var b in account.Data.Balances.Where(b => b.Total != 0).OrderBy(b => b.Asset, StringComparer.Ordinal))
            await stdout.WriteLineAsync($"{b.Asset,-10} {b.Free.Text(),20} {b.Locked.Text(),20}");
        return 0;
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static async Task<int> FailAsync(TextWriter stderr, ExchangeError error)
    {
        await stderr.WriteLineAsync($"error: {error.Kind}{(error.Code is { } c ? " " + c.ToString(CultureInfo.InvariantCulture) : "")}: {error.Message}");
        return 1;
    }

    private sealed class Host : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private Host(ServiceProvider services, string exchange, string baseUrl)
        {
            _services = services;
            Exchange = exchange;
            BaseUrl = baseUrl;
        }

        public string Exchange { get; }
        public string BaseUrl { get; }

        /// <summary>--exchange (binance by default) and --base-url, which overrides the configured Binance URL.</summary>
        public static Host Create(CliArgs args)
        {
            var exchange = args.Get("exchange") ?? ExchangeNames.Binance;
            if (!ExchangeNames.IsValid(exchange))
                throw new CliException($"Unknown exchange '{exchange}'. Use one of: {string.Join(", ", ExchangeNames.All)}.");
            var baseUrl = args.Get("base-url");
            if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
                throw new CliException($"--base-url must be an absolute URL, got '{baseUrl}'.");
            var settings = new Dictionary<string, string?>();
            if (baseUrl is not null)
            {
                settings[BinanceOptions.BinanceSection + ":BaseUrl"] = baseUrl;
                settings[BinanceOptions.TestnetSection + ":BaseUrl"] = baseUrl;
            }
            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddInMemoryCollection(settings)
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            services.AddAlgoTradeExchanges();
            var provider = services.BuildServiceProvider();
            var effective = baseUrl ?? (exchange == ExchangeNames.BinanceTestnet ? BinanceOptions.DefaultTestnetBaseUrl : BinanceOptions.DefaultBaseUrl);
            return new Host(provider, exchange, exchange == ExchangeNames.Simulated ? "(offline)" : effective);
        }

        public IExchangeClient Client(ExchangeCredentials? credentials = null) =>
            _services.GetRequiredService<IExchangeClientFactory>().Create(Exchange, credentials);

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
