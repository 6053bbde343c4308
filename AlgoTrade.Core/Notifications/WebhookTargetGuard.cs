using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// Keeps webhooks off internal networks (SSRF). At save the URL's host is resolved and refused when any address is
/// not public; at every delivery the HTTP client connects through <see cref="ConnectAsync"/>, which resolves again,
/// checks, and connects to exactly the checked address, so a name that changes its answer (DNS rebinding) gains nothing.
/// </summary>
public sealed class WebhookTargetGuard(IWebhookHostResolver resolver, IOptions<NotificationOptions> options)
{
    public const string RefusedMessage =
        "Webhooks can only go to public internet addresses; this URL leads to a private, local or reserved network.";

    private static readonly TimeSpan SaveLookupTimeout = TimeSpan.FromSeconds(5);

    /// <returns>Error messages for the URL's target; a host that cannot be resolved now is accepted (delivery checks again).</returns>
    public async Task<IReadOnlyList<string>> ValidateAsync(Uri url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SaveLookupTimeout);
        try
        {
            await ResolveCheckedAsync(url.Host, timeout.Token);
            return [];
        }
        catch (WebhookTargetRefusedException)
        {
            return [RefusedMessage];
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return [];
        }
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook HTTP client.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveCheckedAsync(context.DnsEndPoint.Host, ct);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<IPAddress[]> ResolveCheckedAsync(string host, CancellationToken ct)
    {
        host = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        var allowLoopback = options.Value.AllowLoopbackHttp;
        // One bad answer refuses the name: a mix of public and private records is a rebinding attempt, not a mistake.
        if (addresses.Any(a => !WebhookAddressPolicy.IsAllowed(a, allowLoopback)))
            throw new WebhookTargetRefusedException();
        return addresses;
    }
}

public sealed class WebhookTargetRefusedException() : IOException("The webhook target is not a public address.");
