using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.ApiKeys;
using AlgoTrade.Web.Security;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.ApiKeys;

/// <summary>The API keys page against the real service, database and a fake Binance.</summary>
public class ApiKeyListTests : IAsyncLifetime
{
    // Owned rather than inherited: MudBlazor's services are only IAsyncDisposable, and xUnit 2 disposes test classes synchronously.
    private readonly BunitContext _ctx = new();
    private readonly string _key = "PK" + Guid.NewGuid().ToString("N") + "TAIL";
    private readonly string _secret = "SS" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    private FakeBinanceServer _server = default!;
    private ServiceProvider _core = default!;
    private int _userId;
    private BunitAuthorizationContext _auth = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _server.AddAccount(_key, _secret);
        _server.Restrictions[_key] = (false, true);
        _core = CoreServices.Build(await TestDatabase.SharedAsync(), settings: ExchangeTestHost.Settings(_server));
        var email = TestUsers.NewEmail("page");
        _userId = (await _core.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;

        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<ApiKeyService>());
        _ctx.Services.AddScoped<CurrentUser>();
        _ctx.Services.AddSingleton(_core.GetRequiredService<TwoFactorService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<UserSessionService>());
        _ctx.Services.AddSingleton(new AccountAttemptLimiter(Microsoft.Extensions.Options.Options.Create(new AuthRateLimitOptions())));
        _ctx.Services.AddScoped<RecentTwoFactorCheck>();
        _auth = _ctx.AddAuthorization();
        _auth.SetAuthorized(email);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Lists_keys_masked_with_validity_and_warnings()
    {
        await _core.GetRequiredService<ApiKeyService>().AddAsync(_userId, new NewApiKey(ExchangeNames.Binance, "Main account", _key, _secret));

        var cut = _ctx.Render<ApiKeyList>();

        cut.WaitForAssertion(() => Assert.Contains("Main account", cut.Markup, StringComparison.Ordinal));
        Assert.Equal($"{_key[..4]}…{_key[^4..]}", cut.Find("code.masked-key").TextContent);
        Assert.Contains("Valid", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll(".key-warning").Count);
        Assert.DoesNotContain(_key, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_key_shows_it_masked_and_clears_the_secret_from_the_form()
    {
        var cut = _ctx.Render<ApiKeyList>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));
        var fields = cut.FindComponents<MudTextField<string>>();
        Assert.Equal(3, fields.Count);
        Assert.Equal("password", fields[2].Find("input").GetAttribute("type"));

        fields[0].Find("input").Change("Desk");
        fields[1].Find("input").Change(_key);
        fields[2].Find("input").Change(_secret);
        cut.Find("#key-add").Click();

        cut.WaitForAssertion(() => Assert.Contains("Desk", cut.Find("#key-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal($"{_key[..4]}…{_key[^4..]}", cut.Find("code.masked-key").TextContent);
        Assert.All(cut.FindComponents<MudTextField<string>>(), f => Assert.True(string.IsNullOrEmpty(f.Find("input").GetAttribute("value"))));
        Assert.DoesNotContain(_key, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, cut.Markup, StringComparison.Ordinal);
    }
    private static void Type(IRenderedComponent<ApiKeyList> cut, string label, string key, string secret)
    {
        var fields = cut.FindComponents<MudTextField<string>>();
        fields[0].Find("input").Change(label);
        fields[1].Find("input").Change(key);
        fields[2].Find("input").Change(secret);
    }

    [Fact]
    public void After_a_key_the_exchange_stays_chosen_and_a_refused_key_keeps_what_was_typed_in_plain_words()
    {
        var cut = _ctx.Render<ApiKeyList>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));
        Type(cut, "Desk", _key, _secret);
        cut.Find("#key-add").Click();
        cut.WaitForAssertion(() => Assert.Contains("Desk", cut.Find("#key-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(ExchangeNames.Binance, cut.FindComponent<MudRadioGroup<string>>().Instance.Value);
        Assert.Contains("Binance", cut.Find("#key-table tbody").TextContent, StringComparison.Ordinal);

        Type(cut, "Second desk", "tooshort", _secret);
        cut.Find("#key-add").Click();
        cut.WaitForAssertion(() => Assert.Contains("Paste the API key: 16 to 128 letters and digits.", cut.Find(".key-error").TextContent, StringComparison.Ordinal));
        Assert.Single(cut.FindAll(".key-error"));
        var fields = cut.FindComponents<MudTextField<string>>();
        Assert.Equal(["Second desk", "tooshort", _secret], fields.Select(f => f.Find("input").GetAttribute("value")));
        Assert.Equal(ExchangeNames.Binance, cut.FindComponent<MudRadioGroup<string>>().Instance.Value);
        Assert.DoesNotContain("binance_testnet", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">binance<", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exchange_that_does_not_answer_is_reported_as_unreachable_not_as_a_refusal()
    {
        for (var i = 0; i < 10; i++)
            _server.Inject("GET /api/v3/account", new FakeFault(FakeFaultKind.ServerErrorBeforeAccept));
        var cut = _ctx.Render<ApiKeyList>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));
        Type(cut, "Offline desk", _key, _secret);
        cut.Find("#key-add").Click();

        cut.WaitForAssertion(() => Assert.Contains("Offline desk", cut.Find("#key-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("Not checked", cut.Find(".key-status").TextContent.Trim());
        var shown = _ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(b => b.Message ?? "").ToList();
        Assert.Contains("Key added, but Binance could not be reached to check it. Re-validate it later.", shown);
        Assert.DoesNotContain(shown, m => m.Contains("did not accept", StringComparison.Ordinal) || m.Contains("rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_two_factor_on_adding_a_key_first_asks_for_a_current_code_and_then_not_again()
    {
        var twoFactor = _core.GetRequiredService<TwoFactorService>();
        var codes = new TotpCodes((await twoFactor.BeginEnrolmentAsync(_userId))!.Secret);
        Assert.NotNull(await twoFactor.ConfirmEnrolmentAsync(_userId, await codes.NextAsync()));
        var sessions = _core.GetRequiredService<UserSessionService>();
        var sessionId = await sessions.CreateAsync(_userId, "127.0.0.1", "bUnit", twoFactorVerified: false);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)), new Claim(AppClaims.SessionId, sessionId));
        var keys = _core.GetRequiredService<ApiKeyService>();
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<ApiKeyList>();
        cut.WaitForAssertion(() => Assert.Contains("No API keys yet", cut.Markup, StringComparison.Ordinal));
        const string codeInput = "input#two-factor-check-code, #two-factor-check-code input";

        // Cancelled: nothing is stored.
        Type(cut, "Desk", _key, _secret);
        cut.Find("#key-add").Click();
        dialogs.WaitForElement(codeInput);
        Assert.Contains("Adding an API key needs a recent two-factor check.", dialogs.Markup, StringComparison.Ordinal);
        dialogs.Find("#two-factor-check-cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(codeInput)));
        Assert.Empty(await keys.ListAsync(_userId));

        // A wrong code keeps the dialog open with the reason; a current one lets the add through.
        cut.Find("#key-add").Click();
        dialogs.WaitForElement(codeInput).Input("000000");
        dialogs.Find("#two-factor-check-confirm").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(RecentTwoFactorCheck.WrongCodeMessage, dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(await keys.ListAsync(_userId));
        var code = await codes.NextAsync();
        dialogs.Find(codeInput).Input(code);
        dialogs.Find("#two-factor-check-confirm").Click();
        cut.WaitForAssertion(() => Assert.Contains("Desk", cut.Find("#key-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(dialogs.FindAll(codeInput));
        Assert.True(await sessions.HasRecentTwoFactorAsync(_userId, sessionId));

        // Checked lately: the next key goes through without a question.
        Type(cut, "Second desk", _key, _secret);
        cut.Find("#key-add").Click();
        cut.WaitForAssertion(() => Assert.Contains("Second desk", cut.Find("#key-table").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(dialogs.FindAll(codeInput));
    }
}
