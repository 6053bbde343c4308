using System.Net;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// One row per bad input, across the account forms (over HTTP, as a browser posts them), the endpoints, the
/// application services the interactive forms call, and the CLI. Every row must end in a clear message (on its field,
/// or a 4xx with the reason), save nothing (every table's row count is unchanged), show no stack trace or 500, and
/// leave the app ready.
/// </summary>
public class BadInputCatalogueTests(BadInputWorld world, ITestOutputHelper output) : IClassFixture<BadInputWorld>
{
    private const string Ready = "/healthz/ready";

    /// <summary>What the user saw: the page or body text, or the field messages, or the CLI's stderr.</summary>
    private sealed record Seen(string Text, HttpStatusCode? Status = null, int? ExitCode = null);

    private sealed record BadInput(string Expected, Func<BadInputWorld, Task<Seen>> Act);

    private static readonly string Huge = new('x', 20_000);
    private const string Script = "<script>alert('x')</script>";
    private const string Sql = "x'; DROP TABLE users; --";

    private static readonly Dictionary<string, BadInput> Catalogue = new()
    {
        // Account forms, posted over HTTP the way a browser without JavaScript posts them.
        ["register: empty email"] = new("Enter your email address.", w => Register(w, "", TestUsers.Password)),
        ["register: email of 20,000 characters"] = new("Email is too long.", w => Register(w, Huge + "@example.test", TestUsers.Password)),
        ["register: control characters in the email"] = new("Enter a valid email address.", w => Register(w, "a\u0001\u0007b@example.test", TestUsers.Password)),
        ["register: script in the email"] = new("Enter a valid email address.", w => Register(w, Script + "@example.test", TestUsers.Password)),
        ["register: SQL in the email"] = new("Enter a valid email address.", w => Register(w, Sql, TestUsers.Password)),
        ["register: right-to-left override in the email"] = new("Enter a valid email address.", w => Register(w, "admin\u202E@example.test", TestUsers.Password)),
        ["register: password too short"] = new("at least 12 characters", w => Register(w, TestUsers.NewEmail("bad"), "Ab1!")),
        ["register: password of 20,000 characters"] = new("at most 128 characters", w => Register(w, TestUsers.NewEmail("bad"), "Aa1!" + Huge)),
        ["register: passwords differ"] = new("The passwords do not match.", w => Register(w, TestUsers.NewEmail("bad"), TestUsers.Password, TestUsers.Password + "x")),
        ["register: no antiforgery token"] = new("HTTP 400", w => Register(w, TestUsers.NewEmail("bad"), TestUsers.Password, token: null)),
        ["register: forged antiforgery token"] = new("HTTP 400", w => Register(w, TestUsers.NewEmail("bad"), TestUsers.Password, token: "CfDJ8forged" + new string('A', 100))),
        ["login: SQL in the email"] = new("Enter a valid email address.", w => PostForm(w, Anonymous(w), "/account/login", new() { ["Input.Email"] = "' OR '1'='1", ["Input.Password"] = "x" })),
        ["login: unknown account"] = new("Invalid email or password", w => PostForm(w, Anonymous(w), "/account/login", new() { ["Input.Email"] = TestUsers.NewEmail("nobody"), ["Input.Password"] = TestUsers.Password })),
        ["login: empty form"] = new("Enter your email address.", w => PostForm(w, Anonymous(w), "/account/login", new() { ["Input.Email"] = "", ["Input.Password"] = "" })),
        ["login: no antiforgery token"] = new("HTTP 400", w => PostForm(w, Anonymous(w), "/account/login", new() { ["Input.Email"] = "a@b.test", ["Input.Password"] = "x" }, token: null)),
        ["reset password: forged token"] = new("HTTP 400", w => PostForm(w, Anonymous(w), "/account/reset-password?token=forged", new() { ["Input.Token"] = "forged", ["Input.NewPassword"] = TestUsers.Password, ["Input.ConfirmPassword"] = TestUsers.Password })),

        // Endpoints and HTTP itself.
        ["logout: no antiforgery token"] = new("The form expired", w => Send(w, w.Trader, HttpMethod.Post, "/account/logout", new FormUrlEncodedContent([]))),
        ["login: JSON body instead of a form"] = new("HTTP 400", w => Send(w, Anonymous(w), HttpMethod.Post, "/account/login", new StringContent("""{"email":"a@b.test"}""", Encoding.UTF8, "application/json"))),
        ["register: zero-width space in the email"] = new("Enter a valid email address.", w => Register(w, "ad\u200Bmin@example.test", TestUsers.Password)),
        ["login: malformed form encoding"] = new("HTTP 400", w => Send(w, Anonymous(w), HttpMethod.Post, "/account/login", new StringContent("%%%&&==%zz", Encoding.UTF8, "application/x-www-form-urlencoded"))),
        ["upload larger than the request limit"] = new("HTTP 4", w => Send(w, w.Trader, HttpMethod.Post, "/account/login", Oversize())),
        ["bot page: id that is not a number"] = new("HTTP 404", w => Send(w, w.Trader, HttpMethod.Get, "/bots/abc")),
        ["bot page: id beyond int"] = new("HTTP 404", w => Send(w, w.Trader, HttpMethod.Get, "/bots/99999999999999999999")),
        ["bot page: NUL in the path"] = new("HTTP 400", w => Send(w, w.Trader, HttpMethod.Get, "/bots/%00")),
        ["URL of 20,000 characters"] = new("HTTP 414", w => Send(w, w.Trader, HttpMethod.Get, "/bots?q=" + Huge)),
        ["trade export: from is not a date"] = new("'from'", w => Send(w, w.Trader, HttpMethod.Get, "/trades/export.csv?from=yesterday")),
        ["trade export: bot is not an id"] = new("'bot'", w => Send(w, w.Trader, HttpMethod.Get, "/trades/export.csv?bot=-1")),
        ["trade export: from after to"] = new("'from'", w => Send(w, w.Trader, HttpMethod.Get, "/trades/export.csv?from=2026-02-01&to=2026-01-01")),
        ["trade export: script as the side"] = new("'side'", w => Send(w, w.Trader, HttpMethod.Get, "/trades/export.csv?side=" + Uri.EscapeDataString(Script))),

        // The bot form's service (the interactive form and the CLI validate with the same validator).
        ["bot: empty name"] = new("Give the bot a name.", w => CreateBot(w, b => b.Name = "")),
        ["bot: name of 20,000 characters"] = new("at most", w => CreateBot(w, b => b.Name = Huge)),
        ["bot: control characters in the name"] = new("control characters", w => CreateBot(w, b => b.Name = "bot\u0000\u001b[31m")),
        ["bot: SQL as the symbol"] = new("letters and digits", w => CreateBot(w, b => b.Symbol = Sql)),
        ["bot: Cyrillic look-alike symbol"] = new("letters and digits", w => CreateBot(w, b => b.Symbol = "ВТСUSDT")),
        ["bot: negative capital"] = new("initial", w => CreateBot(w, b => b.Risk = b.Risk with { InitialCapital = -1000 })),
        ["bot: capital beyond the column"] = new("initial", w => CreateBot(w, b => b.Risk = b.Risk with { InitialCapital = 1e20m })),
        ["bot: stop loss of 150 %"] = new("stop", w => CreateBot(w, b => b.Risk = b.Risk with { StopLossPerc = 150 })),
        ["bot: position size 0 %"] = new("position", w => CreateBot(w, b => b.Risk = b.Risk with { PositionSizePerc = 0 })),
        ["bot: check interval of int.MaxValue"] = new("check interval", w => CreateBot(w, b => b.CheckIntervalSeconds = int.MaxValue)),
        ["bot: NaN as a strategy parameter"] = new("ema_fast", w => CreateBot(w, b => b.StrategyParams = JsonDocument.Parse("""{"ema_fast": "NaN", "ema_slow": 21}"""))),
        ["bot: 1e308 as a strategy parameter"] = new("ema_slow", w => CreateBot(w, b => b.StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 1e308}"""))),
        ["bot: partial take-profit ratio of 5"] = new("ratio", w => CreateBot(w, b => b.Risk = b.Risk with { PartialTakeProfits = [new(2, 5)] })),

        // API keys, notifications, password change.
        ["API key: empty key"] = new("Paste the API key", w => AddKey(w, "", "s3cr3t-s3cr3t-s3cr3t", "main")),
        ["API key: key of 20,000 characters"] = new("Paste the API key", w => AddKey(w, Huge, "s3cr3t-s3cr3t-s3cr3t", "main")),
        ["API key: header injection in the key"] = new("Paste the API key", w => AddKey(w, "abc\r\nX-Evil: 1" + new string('k', 60), "s3cr3t-s3cr3t-s3cr3t", "main")),
        ["API key: NUL in the label"] = new("control characters", w => AddKey(w, new string('k', 64), new string('s', 64), "main\u0000")),
        ["API key: script as the label"] = new("at most 100 characters", w => AddKey(w, new string('k', 64), new string('s', 64), Script + Huge)),
        ["webhook: javascript: URL"] = new("absolute URL", w => SaveWebhook(w, "javascript:alert(1)")),
        ["webhook: URL of 20,000 characters"] = new("longer than 2000 characters", w => SaveWebhook(w, "https://example.com/" + Huge)),
        ["change password: wrong current password"] = new("not correct", w => ChangePassword(w, "not-my-password-1", TestUsers.Password + "9")),

        // Backtests: the uploaded CSV and the config.
        ["backtest upload: binary garbage"] = new("unrecognised header", w => Backtest(w, Encoding.Latin1.GetString(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray()))),
        ["backtest upload: NaN prices"] = new("is not a number", w => Backtest(w, "datetime,open,high,low,close,volume\n2024-01-01 00:00:00,NaN,NaN,NaN,NaN,1\n2024-01-01 01:00:00,1,2,0.5,1,1\n")),
        ["backtest upload: script in a cell"] = new("is not ISO 8601", w => Backtest(w, $"datetime,open,high,low,close,volume\n{Script},1,2,0.5,1,1\n")),
        ["backtest upload: negative and huge prices"] = new("greater than zero", w => Backtest(w, "datetime,open,high,low,close,volume\n2024-01-01 00:00:00,-5,1e300,-1e300,7,1\n")),
        ["backtest: end before start"] = new("End must be after start", w => Backtest(w, null, c => c with { Start = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) })),

        // The CLI.
        ["cli: unknown command"] = new("Unknown command", _ => Cli("frobnicate")),
        ["cli: bot file that does not exist"] = new("No such file", _ => Cli("bots", "validate", "--file", "/nonexistent/" + Guid.NewGuid() + ".json")),
        ["cli: bot file with malformed JSON"] = new("Not valid JSON", _ => CliWithFile("{\"name\": \"x\", ", "bots", "validate", "--file")),
        ["cli: bot file that is not JSON at all"] = new("Not valid JSON", _ => CliWithFile("\u0000\u0001binary", "bots", "validate", "--file")),
        ["cli: negative kline limit"] = new("--limit", _ => Cli("exchange", "klines", "--exchange", "simulated", "--symbol", "BTCUSDT", "--timeframe", "1m", "--limit", "-5")),
        ["cli: kline limit beyond int"] = new("--limit", _ => Cli("exchange", "klines", "--exchange", "simulated", "--symbol", "BTCUSDT", "--timeframe", "1m", "--limit", "99999999999999999999")),
        ["cli: template with malformed params"] = new("--params", _ => Cli("strategies", "template", "ema_cross_rsi", "--params", "{not json")),
        ["cli: backtest with a data file that does not exist"] = new("Data file not found", _ => CliWithFile("""{"symbol": "BTCUSDT", "timeframe": "1h", "strategy_type": "ema_cross_rsi", "initial_capital": "NaN"}""", "backtest", "--data", "/nonexistent.csv", "--config")),
    };

    public static TheoryData<string> Rows => new(Catalogue.Keys);

    [Fact]
    public void The_catalogue_has_at_least_40_rows_across_every_surface() =>
        Assert.True(Catalogue.Count >= 40, $"{Catalogue.Count} rows");

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Bad_input_gets_a_clear_message_saves_nothing_and_leaves_the_app_ready(string row)
    {
        var input = Catalogue[row];
        var before = await world.CountRowsAsync();

        Seen seen;
        try
        {
            seen = await input.Act(world);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{row}: threw {ex.GetType().Name} instead of answering with a message: {ex.Message}");
        }

        output.WriteLine($"{row}: {(seen.Status is { } s ? $"HTTP {(int)s}, " : "")}{(seen.ExitCode is { } c ? $"exit {c}, " : "")}{Shorten(seen.Text)}");
        Assert.False(seen.Status is { } status && (int)status >= 500, $"{row}: HTTP {(int?)seen.Status}");
        Assert.False(seen.ExitCode is { } code && code != 2, $"{row}: exit code {seen.ExitCode}, expected 2 (bad input): {seen.Text}");
        Assert.DoesNotContain("   at ", seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", seen.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(seen.Text) && seen.Status is null or HttpStatusCode.OK, $"{row}: no message at all");
        Assert.True(seen.Text.Contains(input.Expected, StringComparison.OrdinalIgnoreCase), $"{row}: expected \"{input.Expected}\" in: {Shorten(seen.Text)}");

        var after = await world.CountRowsAsync();
        foreach (var (table, count) in before)
            Assert.True(after[table] == count, $"{row}: {table} went from {count} to {after[table]} rows");

        using var ready = await world.Trader.GetAsync(Ready);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;

    private static HttpClient Anonymous(BadInputWorld w) => w.App.CreateBrowserLikeClient();

    private static Task<Seen> Register(BadInputWorld w, string email, string password, string? confirm = null, string? token = "") =>
        PostForm(w, Anonymous(w), "/account/register",
            new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm ?? password }, token);

    /// <summary>Posts the form as the page serves it; <paramref name="token"/> null drops the antiforgery token, "" keeps it.</summary>
    private static async Task<Seen> PostForm(BadInputWorld w, HttpClient client, string path, Dictionary<string, string> fields, string? token = "")
    {
        var form = await FormLogin.ReadHiddenFieldsAsync(client, path);
        foreach (var (k, v) in fields) form[k] = v;
        if (token is null) form.Remove("__RequestVerificationToken");
        else if (token.Length > 0) form["__RequestVerificationToken"] = token;
        return await Send(w, client, HttpMethod.Post, path, new FormUrlEncodedContent(form));
    }

    private static async Task<Seen> Send(BadInputWorld w, HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        // As browsers and proxies do for large bodies: the server may refuse before the body is sent.
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.ExpectContinue = content?.Headers.ContentLength > 1024 * 1024;
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        // Echoed input must come back encoded: a raw script tag here would run in the browser.
        Assert.DoesNotContain(Script, raw, StringComparison.Ordinal);
        var body = WebUtility.HtmlDecode(raw);
        var text = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: " + body;
        if ((int)response.StatusCode is >= 300 and < 400)
            text = $"redirect to {response.Headers.Location}";
        _ = w;
        return new Seen(text, response.StatusCode);
    }

    private static MultipartFormDataContent Oversize()
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(new byte[5 * 1024 * 1024]), "file", "candles.csv");
        return content;
    }

    private static async Task<Seen> CreateBot(BadInputWorld w, Action<BotConfig> spoil)
    {
        var draft = BotFixtures.Draft("catalogue bot");
        spoil(draft);
        var result = await w.Services.GetRequiredService<BotService>().CreateAsync(w.TraderId, draft);
        Assert.False(result.Succeeded, "The bad bot was saved.");
        return FieldMessages(result.ErrorsOrEmpty);
    }

    private static async Task<Seen> AddKey(BadInputWorld w, string key, string secret, string label)
    {
        var result = await w.Services.GetRequiredService<ApiKeyService>().AddAsync(w.TraderId, new NewApiKey(ExchangeNames.Binance, label, key, secret));
        Assert.False(result.Succeeded, "The bad key was saved.");
        return FieldMessages(result.Errors);
    }

    private static async Task<Seen> SaveWebhook(BadInputWorld w, string url)
    {
        var result = await w.Services.GetRequiredService<NotificationPreferenceService>().SaveAsync(w.TraderId,
            [new NotificationSetting(NotificationTypes.TradeExecuted, WebhookEnabled: true, url, EmailEnabled: false)]);
        Assert.False(result.Succeeded, "The bad webhook was saved.");
        return FieldMessages(result.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static async Task<Seen> ChangePassword(BadInputWorld w, string current, string next) =>
        FieldMessages(await w.Services.GetRequiredService<UserAccountService>().ChangePasswordAsync(w.TraderId, current, next));

    private static async Task<Seen> Backtest(BadInputWorld w, string? csv, Func<BacktestConfig, BacktestConfig>? spoil = null)
    {
        var config = new BacktestConfig
        {
            Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement, Risk = new RiskSettings { InitialCapital = 1000, PositionSizePerc = 25 },
            Start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var result = await w.Services.GetRequiredService<BacktestJobService>().CreateAsync(w.TraderId, spoil?.Invoke(config) ?? config, csv);
        Assert.False(result.Succeeded, "The bad backtest was queued.");
        return FieldMessages(result.Errors);
    }

    private static Seen FieldMessages(IReadOnlyDictionary<string, string[]> errors) =>
        new(string.Join("\n", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));

    private static async Task<Seen> Cli(params string[] args)
    {
        var (code, _, err) = await CliRunner.RunAsync(args);
        return new Seen(err, ExitCode: code);
    }

    private static async Task<Seen> CliWithFile(string content, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-input-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, content);
        try
        {
            return await Cli([.. args, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
