using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Notifications;

public class NotificationPreferenceServiceTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private ServiceProvider _services = default!;

    private NotificationPreferenceService Preferences => _services.GetRequiredService<NotificationPreferenceService>();

    public async Task InitializeAsync()
    {
        await TestDatabase.SharedAsync();
        _services = Build(allowLoopbackHttp: false);
    }

    private ServiceProvider Build(bool allowLoopbackHttp) => CoreServices.Build(TestDatabase.ConnectionString, s =>
    {
        s.AddLogging(b => b.AddProvider(_logs));
        NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(s);
    }, new Dictionary<string, string?> { ["Notifications:AllowLoopbackHttp"] = allowLoopbackHttp.ToString() });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static List<NotificationSetting> Settings(string? url, bool webhook = true, bool email = false) =>
        NotificationTypes.All.Select(t => new NotificationSetting(t.Type, webhook && t.Type == NotificationTypes.TradeExecuted, url, email)).ToList();

    [Fact]
    public async Task Saves_and_loads_each_users_own_preferences()
    {
        var alice = (await TestBots.CreateAsync("simulated")).UserId;
        var bob = (await TestBots.CreateAsync("simulated")).UserId;

        var saved = await Preferences.SaveAsync(alice, Settings("https://hooks.example.com/alice?token=a1"));
        await Preferences.SaveAsync(bob, Settings("https://hooks.example.com/bob", webhook: false));
        // Saving again updates the rows in place (unique per user and type).
        await Preferences.SaveAsync(alice, Settings("https://hooks.example.com/alice2"));

        Assert.True(saved.Succeeded);
        var mine = await Preferences.GetAsync(alice);
        Assert.Equal(NotificationTypes.All.Select(t => t.Type), mine.Types.Select(t => t.Type));
        Assert.Equal(new NotificationSetting(NotificationTypes.TradeExecuted, true, "https://hooks.example.com/alice2", false), mine.Types[0]);
        Assert.True(mine.HasSigningSecret);
        var theirs = await Preferences.GetAsync(bob);
        Assert.All(theirs.Types, t => Assert.Equal("https://hooks.example.com/bob", t.WebhookUrl));
        Assert.All(theirs.Types, t => Assert.False(t.WebhookEnabled));
        Assert.False(theirs.HasSigningSecret);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(NotificationTypes.All.Count, await db.UserNotificationPreferences.CountAsync(p => p.UserId == alice));
    }

    [Fact]
    public async Task The_signing_secret_is_stored_protected_shown_once_and_replaced_by_regenerate()
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;

        var first = await Preferences.SaveAsync(user, Settings("https://hooks.example.com/x"));
        var again = await Preferences.SaveAsync(user, Settings("https://hooks.example.com/x"));
        var regenerated = await Preferences.RegenerateSecretAsync(user);

        Assert.StartsWith(WebhookSigner.SecretPrefix, first.NewSigningSecret);
        Assert.Null(again.NewSigningSecret);
        Assert.NotEqual(first.NewSigningSecret, regenerated);
        await using var db = await TestDatabase.SharedContextAsync();
        var stored = await db.Users.Where(u => u.Id == user).Select(u => u.NotificationSigningSecret).SingleAsync();
        Assert.DoesNotContain(regenerated, stored);
        Assert.Equal(regenerated, (await _services.GetRequiredService<NotificationPreferenceCache>().GetAsync(user, default)).SigningSecret);
        Assert.DoesNotContain(regenerated, _logs.AllText);
        Assert.DoesNotContain(first.NewSigningSecret!, _logs.AllText);
    }

    [Theory]
    [InlineData("http://hooks.example.com/x", "Use an https:// URL.")]
    [InlineData("http://localhost:5005/x", "Use an https:// URL.")]
    [InlineData("/relative/hook", "Enter an absolute URL, such as https://example.com/hooks/algotrade.")]
    [InlineData("ftp://hooks.example.com/x", "Use an https:// URL.")]
    [InlineData("", "Enter the webhook URL.")]
    public async Task Invalid_webhook_urls_are_refused_with_a_message_and_nothing_is_saved(string url, string message)
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;

        var result = await Preferences.SaveAsync(user, Settings(url));

        Assert.False(result.Succeeded);
        Assert.Equal([message], result.Errors[NotificationTypes.TradeExecuted]);
        Assert.All((await Preferences.GetAsync(user)).Types, t => Assert.Null(t.WebhookUrl));
    }

    [Fact]
    public async Task Urls_over_2000_characters_are_refused_without_echoing_them()
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;
        var url = "https://hooks.example.com/" + new string('a', 2000);

        var result = await Preferences.SaveAsync(user, Settings(url));

        var error = Assert.Single(result.Errors[NotificationTypes.TradeExecuted]);
        Assert.Equal("The webhook URL is longer than 2000 characters.", error);
    }

    [Fact]
    public async Task Http_is_accepted_for_loopback_only_when_the_host_allows_it()
    {
        await using var development = Build(allowLoopbackHttp: true);
        var preferences = development.GetRequiredService<NotificationPreferenceService>();

        Assert.Empty(preferences.ValidateWebhookUrl("http://127.0.0.1:5005/hook", required: true));
        Assert.Empty(preferences.ValidateWebhookUrl("http://localhost/hook", required: true));
        Assert.Equal(["Use an https:// URL (http:// is accepted only for localhost in Development)."],
            preferences.ValidateWebhookUrl("http://example.com/hook", required: true));
        Assert.Empty(Preferences.ValidateWebhookUrl("https://example.com/hook", required: true));
    }

    [Fact]
    public async Task Email_cannot_be_switched_on_while_no_email_channel_exists()
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;

        var result = await Preferences.SaveAsync(user, Settings(null, webhook: false, email: true));

        Assert.False((await Preferences.GetAsync(user)).EmailAvailable);
        Assert.All(result.Errors.Values, e => Assert.Equal([NotificationPreferenceService.EmailUnavailableMessage], e));
        Assert.Equal(NotificationTypes.All.Count, result.Errors.Count);
    }
}
