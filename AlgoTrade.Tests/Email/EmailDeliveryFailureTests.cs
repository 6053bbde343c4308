using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Email;

/// <summary>
/// The outbox worker against SMTP servers that refuse or are down, on a database of its own (the shared one's rows
/// belong to other tests' workers). The clock is manual, so the backoff is read off the rows exactly.
/// </summary>
public sealed class EmailDeliveryFailureTests : IAsyncLifetime
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private FreshDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ServiceProvider Services(int smtpPort) => CoreServices.Build(_database.ConnectionString,
        s => s.AddSingleton<TimeProvider>(_clock),
        new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "AlgoTrade <noreply@algotrade.test>",
            ["Smtp:Timeout"] = "00:00:05",
            ["Email:RetryDelay"] = "00:01:00",
            ["Email:MaxAttempts"] = "3",
        });

    private async Task<long> QueueAsync(ServiceProvider services, string to)
    {
        var content = new EmailMessageContent("Failure path " + to, "plain body", "<p>html body</p>");
        return (await services.GetRequiredService<EmailOutbox>().EnqueueAsync(null, EmailKinds.Test, to, content))!.Value;
    }

    private async Task<EmailDelivery> RowAsync(long id)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        return await db.EmailDeliveries.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    [Fact]
    public async Task A_5xx_refusal_fails_the_email_at_once_with_the_servers_reply_and_the_next_email_still_goes_out()
    {
        await using var smtp = ScriptedSmtpServer.Start();
        smtp.RcptReplyFor["refused@example.test"] = "550 5.1.1 <refused@example.test>: Recipient address rejected: User unknown";
        await using var services = Services(smtp.Port);
        var refused = await QueueAsync(services, "refused@example.test");
        var accepted = await QueueAsync(services, "accepted@example.test");

        Assert.Equal(2, await services.GetRequiredService<EmailDeliveryWorker>().RunOnceAsync(CancellationToken.None));

        var failed = await RowAsync(refused);
        Assert.Equal(EmailDeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("550 ", failed.LastError);
        Assert.Contains("Recipient address rejected: User unknown", failed.LastError);
        Assert.Null(failed.SentAt);
        var sent = await RowAsync(accepted);
        Assert.Equal(EmailDeliveryStatus.Sent, sent.Status);
        Assert.Contains("Ok: queued as SCRIPTED1", sent.LastError);
        Assert.Equal(["accepted@example.test"], smtp.DeliveredTo);

        // A failed email is never claimed again.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await services.GetRequiredService<EmailDeliveryWorker>().RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_4xx_answer_is_retried_with_doubling_delays_and_the_email_is_sent_once_the_server_accepts()
    {
        await using var smtp = ScriptedSmtpServer.Start();
        smtp.RcptReply = "451 4.7.1 Greylisted, try again later";
        await using var services = Services(smtp.Port);
        var worker = services.GetRequiredService<EmailDeliveryWorker>();
        var id = await QueueAsync(services, "greylisted@example.test");
        var start = _clock.UtcNow;

        await worker.RunOnceAsync(CancellationToken.None);
        var first = await RowAsync(id);
        Assert.Equal((EmailDeliveryStatus.Retrying, 1, start + RetryDelay), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Equal("451 4.7.1 Greylisted, try again later", first.LastError);

        // Not due yet: nothing is claimed.
        _clock.Advance(RetryDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        var second = await RowAsync(id);
        Assert.Equal((EmailDeliveryStatus.Retrying, 2, _clock.UtcNow + 2 * RetryDelay), (second.Status, second.Attempts, second.NextAttemptAt));

        smtp.RcptReply = "250 2.1.5 Ok";
        _clock.Advance(2 * RetryDelay);
        await worker.RunOnceAsync(CancellationToken.None);
        var sent = await RowAsync(id);
        Assert.Equal((EmailDeliveryStatus.Sent, 3, _clock.UtcNow), (sent.Status, sent.Attempts, sent.SentAt));
        Assert.Equal(["greylisted@example.test"], smtp.DeliveredTo);
        Assert.Equal(3, smtp.RcptAttempts);
    }

    [Fact]
    public async Task With_the_server_down_emails_wait_and_go_out_when_it_is_back_and_the_last_attempt_fails_with_the_reason()
    {
        var port = AlgoTradeWebFactory.FreePort();
        await using var services = Services(port);
        var worker = services.GetRequiredService<EmailDeliveryWorker>();
        var early = await QueueAsync(services, "early@example.test");

        await worker.RunOnceAsync(CancellationToken.None);
        var down = await RowAsync(early);
        Assert.Equal((EmailDeliveryStatus.Retrying, 1), (down.Status, down.Attempts));
        Assert.Equal($"could not connect to 127.0.0.1:{port}: ConnectionRefused", down.LastError);

        // Queued while the server is down: stored, not lost.
        var late = await QueueAsync(services, "late@example.test");
        _clock.Advance(RetryDelay);
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, (await RowAsync(early)).Attempts);
        Assert.Equal(1, (await RowAsync(late)).Attempts);

        await using (var smtp = ScriptedSmtpServer.Start(port))
        {
            _clock.Advance(2 * RetryDelay);
            Assert.Equal(2, await worker.RunOnceAsync(CancellationToken.None));
            Assert.Equal(EmailDeliveryStatus.Sent, (await RowAsync(early)).Status);
            Assert.Equal(EmailDeliveryStatus.Sent, (await RowAsync(late)).Status);
            Assert.Equal(["early@example.test", "late@example.test"], smtp.DeliveredTo.Order());
        }

        // Down for good: after Email:MaxAttempts (3) the row is failed with the reason, and kept.
        var doomed = await QueueAsync(services, "doomed@example.test");
        for (var i = 0; i < 3; i++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromHours(1));
        }
        var failed = await RowAsync(doomed);
        Assert.Equal((EmailDeliveryStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Equal($"could not connect to 127.0.0.1:{port}: ConnectionRefused", failed.LastError);
    }
}
