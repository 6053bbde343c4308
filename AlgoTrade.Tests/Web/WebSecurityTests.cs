using System.Net;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Web;

/// <summary>The real app on Kestrel: cookie login, role gate, deactivation, antiforgery, health.</summary>
public class WebSecurityTests : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() => _app = await AlgoTradeWebFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Email, int Id)> CreateUserAsync(bool admin = false)
    {
        var accounts = _app.Services.GetRequiredService<UserAccountService>();
        var email = TestUsers.NewEmail(admin ? "admin" : "trader");
        var result = admin
            ? await accounts.CreateOrPromoteAdminAsync(email, TestUsers.Password)
            : await accounts.RegisterAsync(email, TestUsers.Password);
        return (email, result.User!.Id);
    }

    [Fact]
    public async Task Health_endpoint_reports_the_database_reachable()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/bots");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Login_sets_the_cookie_and_wrong_password_or_unknown_email_read_the_same()
    {
        var (email, _) = await CreateUserAsync();
        using var client = _app.CreateBrowserLikeClient();

        var wrong = await (await FormLogin.LoginAsync(client, email, "Wrong-Password-1")).Content.ReadAsStringAsync();
        var unknown = await (await FormLogin.LoginAsync(client, TestUsers.NewEmail(), "Wrong-Password-1")).Content.ReadAsStringAsync();
        const string generic = "Invalid email or password.";
        Assert.Contains(generic, wrong);
        Assert.Contains(generic, unknown);

        var ok = await FormLogin.LoginAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(new Uri(_app.BaseAddress, "/"), new Uri(_app.BaseAddress, ok.Headers.Location!));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_login_form_post_without_antiforgery_token_is_rejected()
    {
        var (email, _) = await CreateUserAsync();
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Traders_get_403_on_admin_pages_and_admins_get_in()
    {
        var (trader, _) = await CreateUserAsync();
        using var traderClient = _app.CreateBrowserLikeClient();
        await FormLogin.LoginAsync(traderClient, trader, TestUsers.Password);
        var denied = await traderClient.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("403 — Access denied", await denied.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/admin\"", await traderClient.GetStringAsync("/"));

        var (admin, _) = await CreateUserAsync(admin: true);
        using var adminClient = _app.CreateBrowserLikeClient();
        await FormLogin.LoginAsync(adminClient, admin, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/admin")).StatusCode);
        Assert.Contains("href=\"/admin\"", await adminClient.GetStringAsync("/"));
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_on_the_next_request()
    {
        var (email, id) = await CreateUserAsync();
        using var client = _app.CreateBrowserLikeClient();
        await FormLogin.LoginAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = await TestDatabase.SharedContextAsync())
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
        var again = await FormLogin.LoginAsync(client, email, TestUsers.Password);
        Assert.Contains("This account has been deactivated.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_and_then_ends_the_session()
    {
        var (email, _) = await CreateUserAsync();
        using var client = _app.CreateBrowserLikeClient();
        await FormLogin.LoginAsync(client, email, TestUsers.Password);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var token = (await FormLogin.ReadHiddenFieldsAsync(client, "/account/change-password"))["__RequestVerificationToken"];
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Unknown_pages_answer_404()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Return_urls_never_leave_the_site()
    {
        var (email, _) = await CreateUserAsync();
        using var client = _app.CreateBrowserLikeClient();
        var response = await FormLogin.PostFormAsync(client, "/account/login?returnUrl=%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(new Uri(_app.BaseAddress, "/"), new Uri(_app.BaseAddress, response.Headers.Location!));
    }
}
