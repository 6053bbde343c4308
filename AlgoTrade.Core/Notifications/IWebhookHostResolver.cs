using System.Net;

namespace AlgoTrade.Core.Notifications;

/// <summary>Name resolution for webhook hosts; the addresses it returns are the ones checked and then connected to.</summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
