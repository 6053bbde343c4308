using System.Net;
using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Accounts;

/// <summary>
/// Account pages over HTTP against the real app on Kestrel: the unsubscribe link without signing in, ending another
/// session from the Sessions page, and auth rate limiting per IP and per account (HTTP 429).
/// </summary>
public sealed partial class AccountPagesWebTests
{
    private static HttpClient Browser(AlgoTradeWebFactory app) => app.CreateBrowserLikeClient();

    private static async Task<int> RegisterAsync(AlgoTradeWebFactory app, string email) =>
        (await app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;

    private static string Antiforgery(string html)
    {
        var match = AntiforgeryInput().Match(html);
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_turns_off_only_its_type()
    {
        using var inbox = Smtp4devInbox.FromEnvironment();
        await using var app = await AlgoTradeWebFactory.StartAsync(inbox.AppSettings(new Uri("http://127.0.0.1")));
        var userId = await RegisterAsync(app, TestUsers.NewEmail("unsub"));
        var preferences = app.Services.GetRequiredService<NotificationPreferenceService>();
        var saved = await preferences.SaveAsync(userId, NotificationTypes.All.Select(t => new NotificationSetting(t.Type, false, null,
            t.Type is NotificationTypes.TradeExecuted or NotificationTypes.BotError)).ToList());
        Assert.True(saved.Succeeded);
        var token = app.Services.GetRequiredService<UnsubscribeTokens>().Create(userId, NotificationTypes.TradeExecuted);
        using var anonymous = Browser(app);
        var path = "/email/unsubscribe?token=" + Uri.EscapeDataString(token);

        // Opening the link changes nothing (mail scanners fetch links); the click does.
        var page = await anonymous.GetStringAsync(path);
        Assert.Contains("Stop “Trade executed” emails to this account?", page);
        Assert.True((await preferences.GetAsync(userId)).Types.Single(t => t.Type == NotificationTypes.TradeExecuted).EmailEnabled);

        using var response = await FormLogin.PostFormAsync(anonymous, path, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You will no longer get “Trade executed” emails.", await response.Content.ReadAsStringAsync());
        var types = (await preferences.GetAsync(userId)).Types;
        Assert.False(types.Single(t => t.Type == NotificationTypes.TradeExecuted).EmailEnabled);
        Assert.True(types.Single(t => t.Type == NotificationTypes.BotError).EmailEnabled);

        var forged = await anonymous.GetStringAsync("/email/unsubscribe?token=" + Uri.EscapeDataString(token[..^4] + "AAAA"));
        Assert.Contains("id=\"unsubscribe-invalid\"", forged);
    }

    [Fact]
    public async Task Ending_another_session_on_the_Sessions_page_signs_that_browser_out()
    {
        await using var app = await AlgoTradeWebFactory.StartAsync();
        var email = TestUsers.NewEmail("sessions");
        await RegisterAsync(app, email);
        using var laptop = Browser(app);
        using var phone = Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await FormLogin.LoginAsync(laptop, email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormLogin.LoginAsync(phone, email, TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/trades")).StatusCode);

        var html = await laptop.GetStringAsync("/account/sessions");
        var other = OtherSessionRow().Match(html);
        Assert.True(other.Success, html);
        using var end = await laptop.PostAsync("/account/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = other.Groups["handler"].Value,
            ["__RequestVerificationToken"] = Antiforgery(html),
        }));
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var after = await end.Content.ReadAsStringAsync();
        Assert.Contains("That session was ended.", after);
        Assert.Single(SessionRow().Matches(after));

        using var phoneAfter = await phone.GetAsync("/trades");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        Assert.Contains("/account/login", phoneAfter.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/trades")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_per_IP_and_per_account()
    {
        await using (var perIp = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>
        {
            ["AuthRateLimits:PermitsPerIp"] = "3",
        }))
        {
            using var client = Browser(perIp);
            for (var i = 0; i < 3; i++)
            {
                using var allowed = await FormLogin.LoginAsync(client, TestUsers.NewEmail("ip"), "wrong-password-1");
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            using var refused = await FormLogin.LoginAsync(client, TestUsers.NewEmail("ip"), "wrong-password-1");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("id=\"rate-limited\"", await refused.Content.ReadAsStringAsync());
        }

        await using var perAccount = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>
        {
            ["AuthRateLimits:PermitsPerAccount"] = "2",
        });
        var email = TestUsers.NewEmail("acct-limit");
        await RegisterAsync(perAccount, email);
        using var attacker = Browser(perAccount);
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await FormLogin.LoginAsync(attacker, email, "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        // Even the right password waits now: the budget is the account's, whoever tries.
        using var limited = await FormLogin.LoginAsync(Browser(perAccount), email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(AlgoTrade.Web.Security.AccountAttemptLimiter.TooManyMessage), await limited.Content.ReadAsStringAsync());
        // Another account from the same address is not affected.
        var other = TestUsers.NewEmail("acct-other");
        await RegisterAsync(perAccount, other);
        using var fine = await FormLogin.LoginAsync(Browser(perAccount), other, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("""<tr class="session-row" data-current="false">.*?name="_handler" value="(?<handler>end-[^"]+)".*?</tr>""", RegexOptions.Singleline)]
    private static partial Regex OtherSessionRow();

    [GeneratedRegex("""<tr class="session-row" """)]
    private static partial Regex SessionRow();
}
