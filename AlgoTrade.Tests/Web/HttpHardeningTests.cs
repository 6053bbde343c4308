using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Web;

/// <summary>Security headers, CSP nonces, health probes, host filtering, size limits, HTTPS behind a proxy, no password echo.</summary>
public partial class HttpHardeningTests : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() => _app = await AlgoTradeWebFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> Paths => new() { "/account/login", "/", "/healthz", "/healthz/live", "/healthz/ready", "/css/app.css", "/no-such-page", "/account/register" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        var scriptSrc = Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value;
        Assert.Matches("'nonce-[A-Za-z0-9+/=]{22,}'", scriptSrc);
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
        // Plain http in Testing: no HSTS (it is sent on https only, outside Development).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Every_script_of_a_page_carries_this_responses_nonce_and_nonces_never_repeat()
    {
        using var client = _app.CreateBrowserLikeClient();
        using var first = await client.GetAsync("/account/login");
        using var second = await client.GetAsync("/account/login");
        var nonce = Regex.Match(Header(first, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var html = await first.Content.ReadAsStringAsync();

        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, m => Assert.Contains($"nonce=\"{nonce}\"", m.Value));
        Assert.DoesNotContain(nonce, Header(second, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Liveness_and_readiness_are_separate_probes_and_healthz_still_answers()
    {
        using var client = _app.CreateBrowserLikeClient();
        foreach (var path in new[] { "/healthz", "/healthz/live", "/healthz/ready" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_request_for_a_host_that_is_not_configured_is_refused()
    {
        using var client = _app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_redirect_after_login_or_registration_never_contains_the_password()
    {
        var email = TestUsers.NewEmail("echo");
        const string password = "Echo-Password-2026!";
        using (var client = _app.CreateBrowserLikeClient())
        {
            using var registered = await FormLogin.PostFormAsync(client, "/account/register", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
            });
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            Assert.DoesNotContain(password, await registered.Content.ReadAsStringAsync());
        }
        using (var client = _app.CreateBrowserLikeClient())
        {
            using var loggedIn = await FormLogin.LoginAsync(client, email, password);
            Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
            Assert.DoesNotContain(password, await loggedIn.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Outside_Development_plain_http_is_redirected_to_https_on_the_configured_host_and_a_tls_proxy_gets_secure_cookies_and_hsts()
    {
        await using var app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Security:RequireHttps"] = "true",
            ["AllowedHosts"] = "trade.example.test",
        });
        var email = TestUsers.NewEmail("tls");
        await app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        using var client = app.CreateBrowserLikeClient();

        using var plain = new HttpRequestMessage(HttpMethod.Get, "/account/login?x=1");
        plain.Headers.Host = "trade.example.test";
        using var redirected = await client.SendAsync(plain);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("https://trade.example.test/account/login?x=1", redirected.Headers.Location!.ToString());

        // Behind the TLS-terminating proxy (loopback is a trusted proxy), the same request is https.
        HttpRequestMessage ViaProxy(HttpMethod method, string path)
        {
            var m = new HttpRequestMessage(method, path);
            m.Headers.Host = "trade.example.test";
            m.Headers.Add("X-Forwarded-Proto", "https");
            m.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return m;
        }
        using var page = await client.SendAsync(ViaProxy(HttpMethod.Get, "/account/login"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", Header(page, "Strict-Transport-Security"));

        var html = await page.Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form["Input.Email"] = email;
        form["Input.Password"] = TestUsers.Password;
        using var post = ViaProxy(HttpMethod.Post, "/account/login");
        foreach (var cookie in page.Headers.GetValues("Set-Cookie"))
            post.Headers.Add("Cookie", cookie.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(form);
        using var login = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var auth = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("algotrade.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Without_key_ring_protection_the_app_refuses_to_start()
    {
        using var app = new AlgoTradeWebFactory(TestDatabase.ConnectionString, new Dictionary<string, string?>
        {
            ["DataProtection:KeyFile"] = "",
            ["DataProtection:CreateKeyFile"] = "false",
        });

        var refused = Assert.ThrowsAny<Exception>(() => app.StartServer());
        Assert.Contains("DataProtection:KeyFile", refused.ToString());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri}");

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)""")]
    private static partial Regex HiddenInput();
}
