using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>The real app on real Kestrel at a free loopback port, against the run's PostgreSQL database.</summary>
public class AlgoTradeWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public AlgoTradeWebFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        int port = 0)
    {
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["DemoSeed:Enabled"] = "false",
            // Test hosts share one database: each schedules only the bots its own test starts.
            ["Scheduling:ScheduleActiveBotsAtStartup"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The test hosts speak plain http on loopback; HttpHardeningTests turns this on to check HTTPS.
            ["Security:RequireHttps"] = "false",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetTempPath(), "algotrade-tests", "web-.json"),
            // Every test signs in from 127.0.0.1; the tests of the limits themselves set low ones.
            ["AuthRateLimits:PermitsPerIp"] = "100000",
            ["AuthRateLimits:PermitsPerAccount"] = "100000",
        };
        if (settings is not null)
            foreach (var (k, v) in settings) _settings[k] = v;
        TestKeyRing.AddTo(_settings);
        UseKestrel(port);
    }

    /// <param name="configureServices">Runs after the app's own registrations, to replace a service (the clock, say).</param>
    /// <param name="connectionString">A database of the test's own instead of the run's shared one.</param>
    /// <param name="port">A fixed loopback port, for apps whose emails must link back to them (see <see cref="FreePort"/>).</param>
    public static async Task<AlgoTradeWebFactory> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, string? connectionString = null, int port = 0)
    {
        var factory = new AlgoTradeWebFactory(connectionString ?? await TestDatabase.SharedAsync(), settings, configureServices, port);
        factory.StartServer();
        return factory;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the MudBlazor and framework assets come from the build's static web assets manifest.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_configureServices is not null)
            builder.ConfigureTestServices(_configureServices);
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };
}
