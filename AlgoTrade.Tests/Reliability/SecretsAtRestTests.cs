using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Notifications;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Saves every kind of secret through the real app (passwords through its forms, an API key validated against a fake
/// Binance, webhook signing secrets used to sign a real delivery, a TOTP seed and recovery codes), then searches the whole database, every log event
/// and the HTML of every page for them: in plain text, hex and base64.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SecretsAtRestTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CapturingSink _logs = new();
    private FakeBinanceServer _binance = default!;
    private WebhookReceiver _receiver = default!;
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync()
    {
        _binance = await FakeBinanceServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        var settings = ExchangeTestHost.Settings(_binance);
        settings["Notifications:AllowLoopbackHttp"] = "true";
        settings["Serilog:MinimumLevel:Default"] = "Verbose";
        settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose";
        settings["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose";
        settings["Serilog:WriteTo:0:Args:restrictedToMinimumLevel"] = "Warning";
        _app = await AlgoTradeWebFactory.StartAsync(settings, s => s.AddSingleton<ILogEventSink>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        await _binance.DisposeAsync();
    }

    [Fact]
    public async Task Saved_keys_webhook_secrets_and_passwords_appear_nowhere_in_the_database_logs_or_pages()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var email = TestUsers.NewEmail("secrets");
        var firstPassword = $"First-Pass-{tag}";
        var secondPassword = $"Second-Pass-{tag}";
        var typoPassword = $"Typo-Pass-{tag}";
        var rejectedPassword = $"Rejected-Pass-{tag}";
        var apiKey = $"AKEY{tag}{Guid.NewGuid():N}";
        var apiSecret = $"ASEC{tag}{Guid.NewGuid():N}";
        _binance.AddAccount(apiKey, apiSecret);

        using var client = _app.CreateBrowserLikeClient();
        // Passwords go through the real forms: a rejected registration, the registration, a wrong login, a change.
        var rejected = await FormLogin.PostFormAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = rejectedPassword, ["Input.ConfirmPassword"] = rejectedPassword + "x",
        });
        var pages = new List<(string Where, string Html)> { ("register (rejected)", await rejected.Content.ReadAsStringAsync()) };
        var registered = await FormLogin.PostFormAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = firstPassword, ["Input.ConfirmPassword"] = firstPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        // Registration sends to sign-in (it answers a taken address alike), so sign in before changing the password.
        pages.Add(("login", await (await FormLogin.LoginAsync(client, email, firstPassword)).Content.ReadAsStringAsync()));
        using (var other = _app.CreateBrowserLikeClient())
            pages.Add(("login (wrong password)", await (await FormLogin.LoginAsync(other, email, typoPassword)).Content.ReadAsStringAsync()));
        var changed = await FormLogin.PostFormAsync(client, "/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = firstPassword, ["Input.NewPassword"] = secondPassword, ["Input.ConfirmPassword"] = secondPassword,
        });
        pages.Add(("change-password", await changed.Content.ReadAsStringAsync()));
        Assert.True(changed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"change password: {changed.StatusCode}");

        int userId;
        await using (var db = await TestDatabase.SharedContextAsync())
            userId = db.Users.Single(u => u.Email == email).Id;

        // The API key is validated against the (fake) exchange, so the signing path runs with it.
        var added = await _app.Services.GetRequiredService<ApiKeyService>().AddAsync(userId, new NewApiKey(ExchangeNames.BinanceTestnet, "main", apiKey, apiSecret));
        Assert.True(added.Key?.IsValid == true, added.Key?.ValidationMessage ?? string.Join("; ", added.Errors.SelectMany(e => e.Value)));

        // Webhook secrets: the one created on save and a regenerated one, which signs a real test delivery.
        var notifications = _app.Services.GetRequiredService<NotificationPreferenceService>();
        var url = $"{_receiver.BaseUrl}/hooks/secrets";
        var saved = await notifications.SaveAsync(userId, [new NotificationSetting(NotificationTypes.TradeExecuted, true, url, false)]);
        Assert.NotNull(saved.NewSigningSecret);
        var regenerated = await notifications.RegenerateSecretAsync(userId);
        var test = await notifications.SendTestAsync(userId, NotificationTypes.TradeExecuted, url);
        Assert.Equal(200, test.Attempt?.StatusCode);
        Assert.True(WebhookSigner.Verify(regenerated, _receiver.Requests.ToArray()[^1].Body, _receiver.Requests.ToArray()[^1].Signature));

        // Two-factor: the TOTP seed and the recovery codes, enrolled as the Two-factor page does it.
        var twoFactor = _app.Services.GetRequiredService<AlgoTrade.Core.Accounts.TwoFactorService>();
        var enrolment = await twoFactor.BeginEnrolmentAsync(userId);
        Assert.NotNull(enrolment);
        var totp = new TotpCodes(enrolment.Secret);
        var recoveryCodes = await twoFactor.ConfirmEnrolmentAsync(userId, await totp.NextAsync());
        Assert.NotNull(recoveryCodes);
        var seed = OtpNet.Base32Encoding.ToBytes(enrolment.Secret);

        // Turning two-factor on ends earlier sessions: sign in again with password and code.
        using var signedIn = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await FormLogin.LoginAsync(signedIn, email, secondPassword)).StatusCode);
        var secondFactor = await FormLogin.PostFormAsync(signedIn, "/account/login-2fa", new Dictionary<string, string> { ["Input.Code"] = await totp.NextAsync() });
        Assert.Equal(HttpStatusCode.Redirect, secondFactor.StatusCode);
        Assert.Contains("welcome-email", await signedIn.GetStringAsync("/"), StringComparison.Ordinal);

        var secrets = new Dictionary<string, string>
        {
            ["TOTP seed"] = enrolment.Secret, ["TOTP seed (raw, hex)"] = Convert.ToHexString(seed),
            ["TOTP seed (raw, base64)"] = Convert.ToBase64String(seed).TrimEnd('='),
            ["first password"] = firstPassword, ["changed password"] = secondPassword, ["mistyped password"] = typoPassword,
            ["rejected password"] = rejectedPassword, ["API key"] = apiKey, ["API secret"] = apiSecret,
            ["webhook secret (first)"] = saved.NewSigningSecret!, ["webhook secret (regenerated)"] = regenerated,
        };
        for (var i = 0; i < recoveryCodes.Count; i++)
            secrets[$"recovery code {i + 1}"] = recoveryCodes[i];

        // Every page the owner can open: as the server prerenders it, and as Chromium shows it once interactive.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", secondPassword);
        await page.ClickAsync("#login-submit");
        await page.Locator("#two-factor-form").WaitForAsync();
        await page.FillAsync("#code", await totp.NextAsync());
        await page.ClickAsync("#two-factor-submit");
        await page.Locator("#welcome-email").WaitForAsync();
        foreach (var (path, isPage) in GetPagePaths())
        {
            pages.Add((path + " (server)", await (await signedIn.GetAsync(path)).Content.ReadAsStringAsync()));
            if (!isPage) continue;
            await page.GotoAsync(path);
            if (await page.Locator(".at-root").CountAsync() > 0)
                await BrowserFixture.WaitForInteractiveAsync(page);
            if (path == "/api-keys")
                await page.GetByText(ApiKeyMask.Mask(apiKey)).First.WaitForAsync();
            await page.WaitForTimeoutAsync(400);
            pages.Add((path + " (browser)", await page.ContentAsync()));
        }
        await context.DisposeAsync();
        Assert.Contains(pages, p => p.Where == "/api-keys (browser)" && p.Html.Contains(ApiKeyMask.Mask(apiKey), StringComparison.Ordinal));

        var database = await DumpDatabaseAsync();
        await Task.Delay(300); // the activity-log writer and request logging flush asynchronously
        var logs = _logs.AllText;
        Assert.Contains($"API key {added.Key!.Id}", logs.Replace("ApiKeyId=", "API key ", StringComparison.Ordinal), StringComparison.Ordinal);

        var leaks = new List<string>();
        foreach (var (what, value) in secrets)
            foreach (var (form, text) in Encodings(value))
            {
                if (database.Text.Contains(text, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{what} ({form}) in the database dump");
                if (logs.Contains(text, StringComparison.OrdinalIgnoreCase))
                    leaks.Add($"{what} ({form}) in the logs: {_logs.FirstContaining(text)}");
                foreach (var (where, html) in pages)
                    if (html.Contains(text, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{what} ({form}) in the page {where}");
            }
        output.WriteLine($"searched {secrets.Count} secrets in {database.Text.Length:N0} characters of database ({database.Source}), " +
                         $"{_logs.Count:N0} log events ({logs.Length:N0} characters) and {pages.Count} pages");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static IEnumerable<(string Form, string Text)> Encodings(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        yield return ("plain", value);
        yield return ("hex", Convert.ToHexString(bytes));
        yield return ("base64", Convert.ToBase64String(bytes).TrimEnd('='));
        yield return ("url-encoded", Uri.EscapeDataString(value));
    }

    private IEnumerable<(string Path, bool IsPage)> GetPagePaths() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal)
                        && !raw.StartsWith("_", StringComparison.Ordinal)
                        && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true))
            .Select(e => (Path: e.RoutePattern.RawText!.StartsWith('/') ? e.RoutePattern.RawText! : "/" + e.RoutePattern.RawText!,
                IsPage: e.Metadata.Any(m => m is Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata)))
            .DistinctBy(p => p.Path)
            .OrderBy(p => p.Path, StringComparer.Ordinal);

    /// <summary>pg_dump of the test database when the PostgreSQL client tools are installed, else every row of every table as text.</summary>
    private static async Task<(string Text, string Source)> DumpDatabaseAsync()
    {
        var cs = new NpgsqlConnectionStringBuilder(await TestDatabase.SharedAsync());
        var sb = new StringBuilder();
        var pgDump = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).Order().LastOrDefault()
            : null;
        var source = "full-table scan";
        if (pgDump is not null)
        {
            var start = new ProcessStartInfo(pgDump, ["-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "--no-owner", cs.Database!])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["PGPASSWORD"] = cs.Password;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pg_dump failed: {await stderr}");
            sb.Append(await stdout);
            source = "pg_dump + full-table scan";
        }

        // A scan as well: it does not depend on the client tools' version matching the server's.
        await using var connection = new NpgsqlConnection(cs.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {table} t", connection);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sb.Append(table).Append(' ').AppendLine(reader.GetString(0));
        }
        Assert.True(tables.Count > 10, "the scan found too few tables");
        return (sb.ToString(), source);
    }

    /// <summary>Every Serilog event of the app in full: rendered message, each property and the exception.</summary>
    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _events = new();

        public int Count => _events.Count;

        public string AllText => string.Join("\n", _events);

        public string? FirstContaining(string text)
        {
            var line = _events.FirstOrDefault(e => e.Contains(text, StringComparison.OrdinalIgnoreCase));
            return line?[..Math.Min(line.Length, 400)];
        }

        public void Emit(LogEvent logEvent) =>
            _events.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} | {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} | {logEvent.Exception}");
    }
}
