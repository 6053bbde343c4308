using System.Net;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlgoTrade.Tests.Notifications;

/// <summary>Webhooks never reach private, loopback, link-local, metadata or multicast addresses (SSRF), at save and at each delivery.</summary>
public class WebhookSsrfTests : IAsyncLifetime
{
    private readonly StaticHostResolver _dns = new();
    private WebhookReceiver _receiver = default!;
    private ServiceProvider _guarded = default!;
    private ServiceProvider _loopbackAllowed = default!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var connection = await TestDatabase.SharedAsync();
        _guarded = Build(connection, allowLoopback: false);
        _loopbackAllowed = Build(connection, allowLoopback: true);
        _dns.Names["hooks.example.com"] = [IPAddress.Parse("93.184.215.14")];
        _dns.Names["internal.example.com"] = [IPAddress.Parse("10.1.2.3")];
        _dns.Names["mixed.example.com"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("192.168.1.10")];
        _dns.Names["receiver.test"] = [IPAddress.Loopback];
    }

    private ServiceProvider Build(string connection, bool allowLoopback) => CoreServices.Build(connection, s =>
    {
        NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(s);
        s.RemoveAll<IWebhookHostResolver>();
        s.AddSingleton<IWebhookHostResolver>(_dns);
    }, new Dictionary<string, string?>
    {
        ["Notifications:AllowLoopbackHttp"] = allowLoopback.ToString(),
        ["Notifications:WebhookTimeout"] = "00:00:03",
    });

    public async Task DisposeAsync()
    {
        await _guarded.DisposeAsync();
        await _loopbackAllowed.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static NotificationPreferenceService Preferences(ServiceProvider s) => s.GetRequiredService<NotificationPreferenceService>();
    private static WebhookSender Sender(ServiceProvider s) => s.GetRequiredService<WebhookSender>();

    private static List<NotificationSetting> Settings(string url) =>
        NotificationTypes.All.Select(t => new NotificationSetting(t.Type, t.Type == NotificationTypes.TradeExecuted, url, false)).ToList();

    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.16.3.4/hook")]
    [InlineData("https://192.168.0.1/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.100.100.200/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://224.0.0.251/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://[ff02::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://internal.example.com/hook")]
    [InlineData("https://mixed.example.com/hook")]
    public async Task Urls_that_lead_to_private_local_or_reserved_addresses_are_refused_at_save(string url)
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;

        var result = await Preferences(_guarded).SaveAsync(user, Settings(url));

        Assert.False(result.Succeeded);
        Assert.Equal([WebhookTargetGuard.RefusedMessage], result.Errors[NotificationTypes.TradeExecuted]);
        Assert.DoesNotContain((await Preferences(_guarded).GetAsync(user)).Types, t => t.WebhookUrl is not null);
        var test = await Preferences(_guarded).SendTestAsync(user, NotificationTypes.TradeExecuted, url);
        Assert.Equal([WebhookTargetGuard.RefusedMessage], test.Errors);
    }

    [Fact]
    public async Task A_public_host_is_accepted_at_save()
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;
        var result = await Preferences(_guarded).SaveAsync(user, Settings("https://hooks.example.com/hook"));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task A_loopback_receiver_is_refused_at_delivery_without_the_development_allowance()
    {
        var attempt = await Sender(_guarded).SendOnceAsync(new Uri($"{_receiver.BaseUrl}/hook"), "{}"u8.ToArray(), "secret", "d1");

        Assert.Null(attempt.StatusCode);
        Assert.Equal(WebhookAttempt.NotDelivered, attempt.Failure);
        await Task.Delay(200);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_at_delivery_is_refused_even_if_it_was_public_at_save()
    {
        var user = (await TestBots.CreateAsync("simulated")).UserId;
        _dns.Names["rebind.example.com"] = [IPAddress.Parse("93.184.215.14")];
        Assert.True((await Preferences(_guarded).SaveAsync(user, Settings("https://rebind.example.com/hook"))).Succeeded);

        // DNS rebinding: the name now answers with the receiver's loopback address.
        _dns.Names["rebind.example.com"] = [IPAddress.Loopback];
        var port = new Uri(_receiver.BaseUrl).Port;
        var attempt = await Sender(_guarded).SendOnceAsync(new Uri($"http://rebind.example.com:{port}/hook"), "{}"u8.ToArray(), "secret", "d2");

        Assert.Equal(WebhookAttempt.NotDelivered, attempt.Failure);
        await Task.Delay(200);
        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task Delivery_connects_to_the_address_that_was_checked()
    {
        // receiver.test exists only in the checked table: the request can only arrive if the connection used it.
        var port = new Uri(_receiver.BaseUrl).Port;
        var attempt = await Sender(_loopbackAllowed).SendOnceAsync(new Uri($"http://receiver.test:{port}/hook"), "{}"u8.ToArray(), "secret", "d3");

        Assert.Equal(200, attempt.StatusCode);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task Every_failure_to_deliver_reads_the_same_so_the_test_button_is_no_port_scanner()
    {
        var allowed = Sender(_loopbackAllowed);
        var refusedPort = await allowed.SendOnceAsync(new Uri("http://127.0.0.1:9/hook"), "{}"u8.ToArray(), "s", "d4");
        var notTls = await allowed.SendOnceAsync(new Uri(_receiver.BaseUrl.Replace("http://", "https://", StringComparison.Ordinal) + "/hook"), "{}"u8.ToArray(), "s", "d5");
        var unknownName = await allowed.SendOnceAsync(new Uri("https://no-such-host.test/hook"), "{}"u8.ToArray(), "s", "d6");
        var privateTarget = await Sender(_guarded).SendOnceAsync(new Uri("https://10.0.0.5/hook"), "{}"u8.ToArray(), "s", "d7");

        Assert.All(new[] { refusedPort, notTls, unknownName, privateTarget }, a =>
        {
            Assert.Null(a.StatusCode);
            Assert.Equal(WebhookAttempt.NotDelivered, a.Failure);
        });
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.215.14", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("10.255.255.255", false)]
    [InlineData("172.31.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.0.1", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("fc00::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:a00:1::1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Address_policy(string address, bool allowed) =>
        Assert.Equal(allowed, WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Fact]
    public void Loopback_is_allowed_only_with_the_allowance_and_private_ranges_never()
    {
        Assert.True(WebhookAddressPolicy.IsAllowed(IPAddress.Loopback, allowLoopback: true));
        Assert.True(WebhookAddressPolicy.IsAllowed(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.False(WebhookAddressPolicy.IsAllowed(IPAddress.Loopback, allowLoopback: false));
        Assert.False(WebhookAddressPolicy.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
        Assert.False(WebhookAddressPolicy.IsAllowed(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }
}
