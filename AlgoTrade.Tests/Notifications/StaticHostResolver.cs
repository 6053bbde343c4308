using System.Collections.Concurrent;
using System.Net;
using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Tests.Notifications;

/// <summary>Answers name lookups from a table (no DNS traffic leaves the test); a name's answer can change, as in DNS rebinding.</summary>
public sealed class StaticHostResolver : IWebhookHostResolver
{
    public ConcurrentDictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        Names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
}
