using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Trades;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Enumerates the app's own route table and every Core application-service method that takes a user id, so a page,
/// endpoint or method added later is swept without touching this test: user B never sees or changes anything of
/// user A's, traders get 403 on admin routes, anonymous visitors are sent to login.
/// </summary>
public class IsolationSweepTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;
    private IsolationWorld _world = default!;

    public async Task InitializeAsync()
    {
        _app = await AlgoTradeWebFactory.StartAsync(BotFixtures.OfflineBinance);
        _world = await IsolationWorld.CreateAsync(_app.Services);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Route(string Pattern, string Method, bool Anonymous, bool AdminOnly, bool HasOwnedId);

    private IReadOnlyList<Route> Routes()
    {
        var routes = new List<Route>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            // Framework plumbing (the circuit hub, static files) carries no user data.
            if (pattern.StartsWith("/_", StringComparison.Ordinal) || pattern.StartsWith("_", StringComparison.Ordinal) || pattern.Contains("{**", StringComparison.Ordinal)
                || endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
                continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var admin = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin);
            foreach (var method in methods.Distinct())
                routes.Add(new Route(pattern.StartsWith('/') ? pattern : "/" + pattern, method, anonymous, admin,
                    endpoint.RoutePattern.Parameters.Any(p => p.Name is "Id" or "BotId")));
        }
        return routes.DistinctBy(r => (r.Pattern, r.Method)).OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
    }

    /// <summary>The route with A's ids in it, plus every id-like query parameter the pages and endpoints read.</summary>
    private string[] UrlsOf(Route route)
    {
        var path = RoutePatternFactory.Parse(route.Pattern).Parameters.Aggregate(route.Pattern, (p, parameter) =>
        {
            var value = parameter.ParameterPolicies.Any(pp => pp.Content == "guid")
                    ? (route.Pattern.StartsWith("/sweeps/", StringComparison.Ordinal) ? _world.SweepA : _world.JobA).ToString()
                : parameter.Name == "Code" ? "404"
                : _world.BotA.ToString();
            var start = p.IndexOf("{" + parameter.Name, StringComparison.Ordinal);
            return p[..start] + value + p[(p.IndexOf('}', start) + 1)..];
        });
        var query = $"bot={_world.BotA}&botId={_world.BotA}&id={_world.BotA}&user={_world.UserA}&owner={_world.UserA}&job={_world.JobA}";
        return [path, $"{path}?{query}"];
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = _app.CreateBrowserLikeClient();
        var login = await FormLogin.LoginAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task Every_route_keeps_user_A_data_from_user_B_gates_admin_and_sends_anonymous_visitors_to_login()
    {
        var routes = Routes();
        var pages = routes.Where(r => r.Method == "GET").ToList();
        output.WriteLine($"{routes.Count} routes: {string.Join(", ", routes.Select(r => $"{r.Method} {r.Pattern}"))}");
        // The sweep is only as good as the table it read: the pages every user has must be in it.
        foreach (var known in new[] { "/", "/bots", "/bots/{Id:int}", "/bots/{BotId:int}/trades", "/trades/export.csv", "/backtests/{Id:guid}", "/api-keys", "/notifications", "/admin/users" })
            Assert.Contains(pages, r => r.Pattern == known);

        using var a = await SignInAsync(_world.EmailA);
        using var b = await SignInAsync(_world.EmailB);
        var before = await _world.SnapshotAsync();
        using var anonymous = _app.CreateBrowserLikeClient();
        var failures = new List<string>();
        var checkedUrls = 0;

        foreach (var route in pages)
            foreach (var url in UrlsOf(route))
            {
                checkedUrls++;
                var anon = await anonymous.GetAsync(url);
                var anonBody = await anon.Content.ReadAsStringAsync();
                if (route.Anonymous)
                {
                    if ((int)anon.StatusCode >= 500) failures.Add($"anonymous GET {url}: {anon.StatusCode}");
                }
                else if (anon.StatusCode != HttpStatusCode.Redirect || anon.Headers.Location is not { } location
                         || new Uri(_app.BaseAddress, location).AbsolutePath != "/account/login")
                    failures.Add($"anonymous GET {url}: {anon.StatusCode} {anon.Headers.Location}, expected a redirect to /account/login");
                if (anonBody.Contains(_world.Marker, StringComparison.Ordinal)) failures.Add($"anonymous GET {url} shows A's data");

                var asB = await b.GetAsync(url);
                var bBody = await asB.Content.ReadAsStringAsync();
                if (bBody.Contains(_world.Marker, StringComparison.Ordinal)) failures.Add($"B GET {url} shows A's data");
                if ((int)asB.StatusCode >= 500) failures.Add($"B GET {url}: {asB.StatusCode}");
                if (route.AdminOnly && asB.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"trader GET {url}: {asB.StatusCode}, expected 403");
                if (!route.AdminOnly && route.HasOwnedId && asB.StatusCode != HttpStatusCode.NotFound)
                    failures.Add($"B GET {url} (A's id): {asB.StatusCode}, expected 404");

                // The owner gets the same URL, so a 404 for B means "not yours", not "broken URL".
                if (!route.AdminOnly && route.HasOwnedId)
                {
                    var asA = await a.GetAsync(url);
                    if (asA.StatusCode != HttpStatusCode.OK) failures.Add($"A GET {url}: {asA.StatusCode}, expected 200");
                }
            }

        // Routes that change things (POST, …) refuse anonymous callers and B's forged posts.
        foreach (var route in routes.Where(r => r.Method != "GET" && !r.Anonymous))
        {
            var path = UrlsOf(route)[0];
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("B", b) })
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = new FormUrlEncodedContent([]) });
                if ((int)response.StatusCode is < 300 or >= 500)
                    failures.Add($"{who} {route.Method} {path} without a token: {response.StatusCode}");
            }
        }

        output.WriteLine($"{checkedUrls} URLs checked as anonymous, B and A");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    /// <summary>Public instance methods with an <c>int userId</c> that are not an application service's entry point.</summary>
    private static readonly Dictionary<string, string> NotUserFacing = new()
    {
        ["WebhookSender.DeliverAsync"] = "delivery plumbing: the dispatcher passes the owner of the event it delivers",
        ["NotificationPreferenceCache.GetAsync"] = "cache behind the dispatcher, keyed by the event's owner",
        ["ApiKeyCredentialsProvider.GetAsync"] = "runtime: the bot's own user id, read from the bot row",
        ["AdminLookups.SearchBotsAsync"] = "admin pages only (403 for traders, swept above)",
        ["AdminUserService.SetActiveAsync"] = "admin pages only",
        ["AdminUserService.SetRoleAsync"] = "admin pages only",
        ["BotConfigValidator.ValidateAsync"] = "validates a draft for its author; reads nothing of another user",
        ["TwoFactorService.AdminResetAsync"] = "admin pages only",
        ["AccountTokenService.CreateAsync"] = "issues a token for the caller's own account, from the account pages and emails",
        ["EmailTemplates.Notification"] = "formats a message; reads no data",
        ["NotificationDispatcher.Notify"] = "delivery of an event its publisher already scoped to its user",
        ["NotificationEmailer.SendAsync"] = "delivery of an event its publisher already scoped to its user",
        ["NullNotificationSink.Notify"] = "does nothing",
        ["WorkQueue.Enqueue"] = "adds to the caller's own DbContext for the job it is creating; the job services call it with the caller's id",
        ["WorkQueue.CheckJobLimitAsync"] = "counts the caller's own jobs inside the job service's transaction; reads nothing of another user",
        ["SweepChunkRunner.RunAsync"] = "runs a queued chunk for the owner the work item was queued by",
    };

    [Fact]
    public async Task Every_application_service_method_with_a_user_id_refuses_user_B_on_user_A_ids()
    {
        var core = typeof(BotService).Assembly;
        var methods = core.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.Name == "userId" && p.ParameterType == typeof(int)))
            .OrderBy(m => m.DeclaringType!.Name).ThenBy(m => m.Name)
            .ToList();
        Assert.NotEmpty(methods);
        var before = await _world.SnapshotAsync();
        var failures = new List<string>();
        var swept = new List<string>();

        foreach (var method in methods)
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            if (NotUserFacing.ContainsKey(name)) continue;
            var args = new object?[method.GetParameters().Length];
            string? unknown = null;
            foreach (var p in method.GetParameters())
                if (!TryArgument(p, out args[p.Position])) unknown = $"{p.ParameterType.Name} {p.Name}";
            if (unknown is not null)
            {
                failures.Add($"{name}: no sweep value for parameter '{unknown}' — teach IsolationSweepTests.TryArgument about it");
                continue;
            }
            var service = _app.Services.GetService(method.DeclaringType!);
            if (service is null)
            {
                failures.Add($"{name}: {method.DeclaringType!.Name} is not registered in the app's services");
                continue;
            }
            object? result;
            try
            {
                result = await ResultOfAsync(method.Invoke(service, args));
            }
            catch (Exception e) when (e is TargetInvocationException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Throwing for a foreign id is a refusal too, as long as it says nothing of A's.
                var inner = (e as TargetInvocationException)?.InnerException ?? e;
                if (inner.ToString().Contains(_world.Marker, StringComparison.Ordinal)) failures.Add($"{name} threw with A's data: {inner.Message}");
                swept.Add($"{name} (threw {inner.GetType().Name})");
                continue;
            }
            var json = JsonSerializer.Serialize(result, JsonOptions);
            if (json.Contains(_world.Marker, StringComparison.Ordinal)) failures.Add($"{name} returned A's data to B: {json[..Math.Min(300, json.Length)]}");
            if (TakesOwnedId(method))
                switch (result)
                {
                    case BotOperationResult r when r.Status != BotOperationStatus.NotFound:
                        failures.Add($"{name} on A's bot answered {r.Status}, expected NotFound"); break;
                    case BacktestJobCreateResult r when !r.NotFound:
                        failures.Add($"{name} on A's bot did not answer NotFound"); break;
                    case AlgoTrade.Core.Backtesting.Comparison.BacktestComparison r when r.Error is null || r.Runs.Count > 0:
                        failures.Add($"{name} on A's runs compared them for B"); break;
                    case true:
                        failures.Add($"{name} on A's id answered true"); break;
                }
            swept.Add(name);
        }

        output.WriteLine($"{swept.Count} methods swept: {string.Join(", ", swept)}");
        Assert.Equal(before, await _world.SnapshotAsync());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        foreach (var expected in new[] { "BotService.DeleteAsync", "BotService.StartAsync", "BotService.UpdateAsync", "ApiKeyService.DeleteAsync", "BacktestJobService.GetAsync", "TradeQueries.StreamAsync", "BotMonitorQueries.ActivityAsync" })
            Assert.Contains(expected, swept);
    }

    private static bool TakesOwnedId(MethodInfo m) =>
        m.GetParameters().Any(p => p.Name is "botId" or "id" or "jobId" or "jobIds" or "sweepId");

    private bool TryArgument(ParameterInfo p, out object? value)
    {
        value = (p.Name, p.ParameterType) switch
        {
            ("userId", _) => _world.UserB,
            ("botId", _) => _world.BotA,
            ("id", _) when p.Member.DeclaringType!.Name.Contains("ApiKey", StringComparison.Ordinal) => _world.ApiKeyA,
            ("jobId", _) => _world.JobA,
            ("jobIds", _) => new[] { _world.JobA, _world.JobA },
            ("sweepId", _) => _world.SweepA,
            ("pointIndex", _) => 0L,
            (_, var t) when t == typeof(AlgoTrade.Core.Sweeps.SweepEvaluationSort) => default(AlgoTrade.Core.Sweeps.SweepEvaluationSort),
            (_, var t) when t == typeof(IReadOnlyList<AlgoTrade.Core.Sweeps.SweepTarget>) => Array.Empty<AlgoTrade.Core.Sweeps.SweepTarget>(),
            (_, var t) when t == typeof(AlgoTrade.Core.Sweeps.SweepDefinition) => new AlgoTrade.Core.Sweeps.SweepDefinition { Dimensions = [] },
            (_, var t) when t == typeof(CancellationToken) => CancellationToken.None,
            (_, var t) when t == typeof(TradeFilter) => new TradeFilter(BotId: _world.BotA),
            (_, var t) when t == typeof(BotConfig) => BotFixtures.Draft("B's own draft"),
            (_, var t) when t == typeof(TradeSortField) => default(TradeSortField),
            (_, var t) when t == typeof(AlgoTrade.Core.Backtesting.Results.BacktestTripSort) => default(AlgoTrade.Core.Backtesting.Results.BacktestTripSort),
            (_, var t) when t == typeof(bool) => true,
            ("skip" or "page", _) => 0,
            ("code", _) => "000000",
            ("password", _) => "not-the-password",
            ("sessionId" or "exceptSessionId", _) => "not-a-session-of-b",
            ("reason", _) => "isolation sweep",
            ("ipAddress", _) => "127.0.0.1",
            ("userAgent", _) => "isolation sweep",
            ("hourUtc", _) => 7,
            ("take" or "pageSize", _) => 100,
            ("start", _) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ("end", _) => (DateTime?)new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc),
            ("level" or "uploadedCsv" or "url", _) => null,
            ("type", _) => NotificationTypes.TradeExecuted,
            (_, var t) when t == typeof(ActivityEntry) => null,
            (_, var t) when t == typeof(IReadOnlyList<NotificationSetting>) => Array.Empty<NotificationSetting>(),
            (_, var t) when t == typeof(BacktestConfig) => new BacktestConfig
            {
                Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", StrategyType = "ema_cross_rsi",
                Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc),
                StrategyParams = JsonDocument.Parse("{}").RootElement, Risk = new RiskSettings { InitialCapital = 1000, PositionSizePerc = 10 },
            },
            ("exchangeName", _) => ExchangeNames.BinanceTestnet,
            ("currentPassword" or "newPassword", _) => "not-the-password",
            (_, var t) when t == typeof(AlgoTrade.Core.ApiKeys.NewApiKey) => new AlgoTrade.Core.ApiKeys.NewApiKey(ExchangeNames.BinanceTestnet, "B key", "k", "s"),
            _ => Unknown,
        };
        if (!ReferenceEquals(value, Unknown)) return true;
        value = null;
        return false;
    }

    private static readonly object Unknown = new();

    private static readonly JsonSerializerOptions JsonOptions = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = false };

    private static async Task<object?> ResultOfAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var property = task.GetType().GetProperty("Result");
                return property?.PropertyType.Name == "VoidTaskResult" ? null : property?.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when returned.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable:
                var items = new List<object?>();
                var enumerator = enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(returned, [CancellationToken.None])!;
                var moveNext = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>));
                while (await (ValueTask<bool>)moveNext.GetMethod("MoveNextAsync")!.Invoke(enumerator, [])!)
                    items.Add(moveNext.GetProperty("Current")!.GetValue(enumerator));
                await ((IAsyncDisposable)enumerator).DisposeAsync();
                return items;
            case IEnumerable sequence:
                return sequence.Cast<object?>().ToList();
            default:
                return returned;
        }
    }
}
