using AlgoTrade.Core.Persistence;
using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Hosting.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Notifications;

/// <summary>
/// "Backtest finished" and "API key rejected" raised by Core, through the real dispatcher, outbox and worker, to
/// smtp4dev (read back over its API) and to a signed webhook on a Kestrel receiver.
/// </summary>
public sealed class BacktestAndApiKeyNotificationTests : IAsyncLifetime
{
    private readonly Smtp4devInbox _inbox = Smtp4devInbox.FromEnvironment();
    private readonly string _key = "AK" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..20];
    private readonly string _secret = "SK" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..20];
    private WebhookReceiver _receiver = default!;
    private FakeBinanceServer _binance = default!;
    private ServiceProvider _services = default!;
    private FreshDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _binance = await FakeBinanceServer.StartAsync();
        _binance.AddAccount(_key, _secret, usdt: 100m);
        var settings = _inbox.AppSettings(new Uri("http://algotrade.test"));
        foreach (var (k, v) in ExchangeTestHost.Settings(_binance)) settings[k] = v;
        settings["Notifications:AllowLoopbackHttp"] = "true";
        // A database of its own: on the shared one another test's host could run this test's backtest and notify through its own sink.
        _database = await TestDatabase.CreateMigratedAsync();
        _services = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
            NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(s);
        }, settings);
        // Started by hand: the test runs the work queue itself (WorkQueueDrain), one awaited step at a time.
        await _services.GetRequiredService<NotificationDispatcher>().StartAsync(CancellationToken.None);
        await _services.GetRequiredService<EmailDeliveryWorker>().StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.GetRequiredService<EmailDeliveryWorker>().StopAsync(CancellationToken.None);
        await _services.GetRequiredService<NotificationDispatcher>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await _binance.DisposeAsync();
        await _receiver.DisposeAsync();
        _inbox.Dispose();
        await _database.DisposeAsync();
    }

    /// <summary>A user with a verified address who wants <paramref name="type"/> by email and by webhook.</summary>
    private async Task<(int Id, string Email, string Secret)> SubscriberAsync(string type)
    {
        var email = TestUsers.NewEmail("events");
        var id = (await _services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        await using (var db = TestDatabase.CreateContext(_database.ConnectionString))
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerifiedAt, DateTime.UtcNow));
        var result = await _services.GetRequiredService<NotificationPreferenceService>().SaveAsync(id,
            NotificationTypes.All.Select(t => new NotificationSetting(t.Type, t.Type == type, $"{_receiver.BaseUrl}/hook/{id}", t.Type == type)).ToList());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return (id, email, result.NewSigningSecret!);
    }

    private async Task<Guid> RunBacktestAsync(int userId, string symbol)
    {
        var config = new BacktestConfig
        {
            Symbol = symbol, ExchangeName = ExchangeNames.Simulated, Timeframe = "1h",
            Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), End = new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc),
            StrategyType = "ema_cross_rsi", StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50 },
        };
        var created = await _services.GetRequiredService<BacktestJobService>().CreateAsync(userId, config, null);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_services, created.JobId!.Value);
        return created.JobId!.Value;
    }

    private WebhookReceiver.Received WebhookOf(int userId) =>
        Assert.Single(_receiver.Requests, r => r.Path == $"/hook/{userId}");

    [Fact]
    public async Task A_completed_backtest_emails_its_result_and_calls_the_webhook()
    {
        var user = await SubscriberAsync(NotificationTypes.BacktestFinished);

        var jobId = await RunBacktestAsync(user.Id, "BTCUSDT");

        var job = await _services.GetRequiredService<BacktestJobService>().GetAsync(user.Id, jobId);
        Assert.Equal(BacktestJobStatus.Completed, job!.Status);
        var mail = await _inbox.WaitForAsync(user.Email, "Backtest of ema_cross_rsi on BTCUSDT 1h completed");
        Assert.Contains("Your backtest completed", mail.Text);
        Assert.Contains($"Trades: {job.Result!.Summary.NumberOfTrades}", mail.Text);
        Assert.Contains("Return: ", mail.Text);
        Assert.Equal($"http://algotrade.test/backtests/{jobId}", mail.Link("/backtests/"));
        Assert.Contains("/email/unsubscribe?token=", mail.Text);

        await _receiver.WaitForAsync(1);
        var hook = WebhookOf(user.Id);
        Assert.True(WebhookSigner.Verify(user.Secret, hook.Body, hook.Signature));
        var payload = WebhookPayload.Parse(hook.Body)!;
        Assert.Equal((NotificationTypes.BacktestFinished, "BTCUSDT"), (payload.Type, payload.Symbol));
        Assert.StartsWith("completed, return ", payload.Reason);
    }

    [Fact]
    public async Task A_failed_backtest_emails_the_reason()
    {
        var user = await SubscriberAsync(NotificationTypes.BacktestFinished);

        await RunBacktestAsync(user.Id, "NOPEUSDT");

        var mail = await _inbox.WaitForAsync(user.Email, "Backtest of ema_cross_rsi on NOPEUSDT 1h failed");
        Assert.Contains("Error: simulated did not deliver NOPEUSDT 1h candles", mail.Text);
    }

    [Fact]
    public async Task A_key_the_exchange_stops_accepting_is_reported_once_by_email_and_webhook()
    {
        var user = await SubscriberAsync(NotificationTypes.ApiKeyInvalid);
        var keys = _services.GetRequiredService<ApiKeyService>();
        var added = await keys.AddAsync(user.Id, new NewApiKey(ExchangeNames.Binance, "main account", _key, _secret));
        Assert.True(added.Key!.IsValid, added.Key.ValidationMessage);

        // The key is deleted on the exchange: the next check is refused.
        Assert.True(_binance.Accounts.TryRemove(_key, out _));
        var revalidated = await keys.RevalidateAsync(user.Id, added.Key.Id);
        Assert.False(revalidated!.IsValid);

        var mail = await _inbox.WaitForAsync(user.Email, "rejected your Binance API key \"main account\"");
        Assert.Contains("refused your Binance API key \"main account\" when it was checked", mail.Text);
        Assert.Contains("Reason: The exchange rejected the key", mail.Text);
        Assert.DoesNotContain(_key, mail.Source);
        Assert.DoesNotContain(_secret, mail.Source);
        await _receiver.WaitForAsync(1);
        var payload = WebhookPayload.Parse(WebhookOf(user.Id).Body)!;
        Assert.Equal(NotificationTypes.ApiKeyInvalid, payload.Type);

        // Checking the already rejected key again tells the owner nothing new.
        var emailsBefore = await _inbox.CountAsync(user.Email);
        await keys.RevalidateAsync(user.Id, added.Key.Id);
        await _receiver.WaitForAsync(2, TimeSpan.FromSeconds(1));
        Assert.Single(_receiver.Requests, r => r.Path == $"/hook/{user.Id}");
        Assert.Equal(emailsBefore, await _inbox.CountAsync(user.Email));
    }
}
