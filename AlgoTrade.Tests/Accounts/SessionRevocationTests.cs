using System.Net;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Accounts;

/// <summary>Logout ends the server-side session: a copy of the cookie taken before logout no longer works (issue 17 item 8).</summary>
public sealed class SessionRevocationTests
{
    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        await using var app = await AlgoTradeWebFactory.StartAsync();
        var email = TestUsers.NewEmail("copy");
        await app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);

        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var owner = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var login = await FormLogin.LoginAsync(owner, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = handler.CookieContainer.GetCookies(app.BaseAddress)["algotrade.auth"]!.Value;

        using var thief = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        async Task<HttpStatusCode> ThiefGetsHomeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/trades");
            request.Headers.Add("Cookie", $"algotrade.auth={cookie}");
            using var response = await thief.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await ThiefGetsHomeAsync());

        var token = (await FormLogin.ReadHiddenFieldsAsync(owner, "/account/change-password"))["__RequestVerificationToken"];
        using var logoutResponse = await owner.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logoutResponse.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await ThiefGetsHomeAsync());
    }
}
