using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Email;

/// <summary>The user's delivery log on PostgreSQL: only their own rows, newest first, paged.</summary>
public class EmailDeliveryLogTests
{
    [Fact]
    public async Task A_user_sees_only_their_own_emails_newest_first_with_status_attempts_and_reply()
    {
        await using var core = CoreServices.Build(await TestDatabase.SharedAsync());
        var log = core.GetRequiredService<EmailDeliveryLog>();
        var me = await EmailDeliveryRows.NewUserAsync();
        var other = await EmailDeliveryRows.NewUserAsync();
        var t0 = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        await EmailDeliveryRows.AddAsync(me, "first", EmailDeliveryStatus.Sent, 1, "2.0.0 Ok: queued", t0);
        await EmailDeliveryRows.AddAsync(me, "second", EmailDeliveryStatus.Retrying, 2, "451 4.3.0 try later", t0.AddMinutes(1), EmailDeliveryRows.NeverDue);
        await EmailDeliveryRows.AddAsync(me, "third", EmailDeliveryStatus.Failed, 1, "550 5.1.1 mailbox unavailable", t0.AddMinutes(2));
        await EmailDeliveryRows.AddAsync(other, "not mine", EmailDeliveryStatus.Sent, 1, "250 ok", t0.AddMinutes(3));

        var page = await log.GetPageAsync(me, 0, 10);

        Assert.Equal(3, page.Total);
        Assert.Equal(["third", "second", "first"], page.Items.Select(r => r.Subject));
        var retrying = page.Items[1];
        Assert.Equal((EmailDeliveryStatus.Retrying, 2, "451 4.3.0 try later", EmailDeliveryRows.NeverDue),
            (retrying.Status, retrying.Attempts, retrying.ServerReply, retrying.NextAttemptAt));
        Assert.Equal("550 5.1.1 mailbox unavailable", page.Items[0].ServerReply);

        var second = await log.GetPageAsync(me, 2, 2);
        Assert.Equal(3, second.Total);
        Assert.Equal("first", Assert.Single(second.Items).Subject);
        Assert.Equal("not mine", Assert.Single((await log.GetPageAsync(other, 0, 10)).Items).Subject);
    }
}
