using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Tests.Email;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Notifications;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Web.Notifications;

/// <summary>The delivery log on /notifications against the real log service and database.</summary>
public class EmailDeliveryLogGridTests : MudBunitContext
{
    private ServiceProvider _core = default!;

    public override async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync());
        Services.AddSingleton(_core.GetRequiredService<EmailDeliveryLog>());
        Services.AddScoped<CurrentUser>();
    }

    protected override ValueTask DisposeTestResourcesAsync() => _core.DisposeAsync();

    private void SignInAs(int userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("log@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Shows_sent_retrying_and_failed_emails_of_the_signed_in_user_only_with_the_server_reply()
    {
        var me = await EmailDeliveryRows.NewUserAsync();
        var other = await EmailDeliveryRows.NewUserAsync();
        var t0 = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        var sent = await EmailDeliveryRows.AddAsync(me, "BTC bot bought", EmailDeliveryStatus.Sent, 1, "2.0.0 Ok: queued as 1234", t0);
        var retrying = await EmailDeliveryRows.AddAsync(me, "BTC bot sold", EmailDeliveryStatus.Retrying, 2,
            "could not connect to 127.0.0.1:2525: ConnectionRefused", t0.AddMinutes(1), EmailDeliveryRows.NeverDue);
        var failed = await EmailDeliveryRows.AddAsync(me, "Reset your AlgoTrade password", EmailDeliveryStatus.Failed, 1,
            "550 5.1.1 mailbox unavailable", t0.AddMinutes(2), kind: EmailKinds.PasswordReset);
        await EmailDeliveryRows.AddAsync(other, "someone else's email", EmailDeliveryStatus.Sent, 1, "250 ok", t0.AddMinutes(3));
        SignInAs(me);

        var cut = Render<EmailDeliveryLogGrid>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".email-log-row").Count));

        Assert.DoesNotContain("someone else's email", cut.Markup);
        string Row(long id) => cut.Find($".email-log-row[data-id='{id}']").TextContent;
        Assert.Contains("Sent", Row(sent.Id));
        Assert.Contains("2.0.0 Ok: queued as 1234", Row(sent.Id));
        Assert.Contains("Retrying", Row(retrying.Id));
        Assert.Contains("2 attempts failed; next try 2099-12-31 00:00:00", Row(retrying.Id));
        Assert.Contains("ConnectionRefused", Row(retrying.Id));
        Assert.Contains("Failed", Row(failed.Id));
        Assert.Contains("Gave up after 1 attempt", Row(failed.Id));
        Assert.Contains("Server reply: 550 5.1.1 mailbox unavailable", Row(failed.Id));
        Assert.Contains("Password reset", cut.Markup);
    }

    [Fact]
    public async Task A_user_without_emails_sees_the_empty_text()
    {
        SignInAs(await EmailDeliveryRows.NewUserAsync());
        var cut = Render<EmailDeliveryLogGrid>();
        cut.WaitForElement("#email-log-empty");
        Assert.Empty(cut.FindAll(".email-log-row"));
    }
}
