using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Notifications;
using AlgoTrade.Web.Components.Pages.Notifications;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Notifications;

/// <summary>The Notifications page against the real preference service and database.</summary>
public class NotificationSettingsPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private WebhookReceiver _receiver = default!;
    private int _userId;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _core = CoreServices.Build(await TestDatabase.SharedAsync(), s => NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(s),
            new Dictionary<string, string?> { ["Notifications:AllowLoopbackHttp"] = "true" });
        _userId = (await TestBots.CreateAsync("simulated")).UserId;

        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<NotificationPreferenceService>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<AlgoTrade.Core.Email.EmailDeliveryLog>());
        _ctx.Services.AddScoped<CurrentUser>();
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("page@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _userId.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_bad_url_shows_the_validation_message_and_saves_nothing()
    {
        var cut = _ctx.Render<NotificationSettings>();
        cut.WaitForElement(".notification-row");

        var selector = $".notification-row[data-type='{NotificationTypes.TradeExecuted}']";
        cut.Find($"{selector} .webhook-enabled input").Change(true);
        cut.Find($"{selector} .webhook-url input").Change("http://hooks.example.com/x");
        cut.Find("#notifications-save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Use an https:// URL (http:// is accepted only for localhost in Development).",
            cut.Find(selector).TextContent));
        var saved = await _core.GetRequiredService<NotificationPreferenceService>().GetAsync(_userId);
        Assert.All(saved.Types, t => Assert.False(t.WebhookEnabled));
        Assert.False(saved.HasSigningSecret);
    }

    [Fact]
    public void Email_is_disabled_with_a_note_and_a_test_webhook_shows_the_status_and_reveals_the_new_secret_once()
    {
        _receiver.StatusCode = 202;
        var cut = _ctx.Render<NotificationSettings>();
        cut.WaitForElement(".notification-row");
        Assert.Contains(NotificationPreferenceService.EmailUnavailableMessage, cut.Find("#email-unavailable").TextContent);
        Assert.All(cut.FindAll(".email-enabled input"), i => Assert.True(i.HasAttribute("disabled")));

        var selector = $".notification-row[data-type='{NotificationTypes.BotError}']";
        cut.Find($"{selector} .webhook-url input").Change($"{_receiver.BaseUrl}/hook");
        cut.Find($"{selector} .webhook-test").Click();

        cut.WaitForAssertion(() => Assert.Contains("Test answered HTTP 202", cut.Find($"{selector} .webhook-test-outcome").TextContent));
        var secret = cut.Find("#signing-secret").TextContent;
        var received = Assert.Single(_receiver.Requests);
        Assert.True(WebhookSigner.Verify(secret, received.Body, received.Signature));
        Assert.True(WebhookPayload.Parse(received.Body)!.Test);
    }
}
