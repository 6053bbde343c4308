using System.Net;
using System.Net.Sockets;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// Which addresses a webhook may connect to: public unicast only. Private (RFC 1918, CGNAT, ULA), loopback,
/// link-local (with the cloud metadata address 169.254.169.254), multicast, broadcast, documentation and reserved
/// ranges are refused, also when embedded in IPv6 (mapped, NAT64, 6to4). Loopback only with the Development allowance.
/// </summary>
public static class WebhookAddressPolicy
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return allowLoopback;
        var b = address.GetAddressBytes();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(b),
            AddressFamily.InterNetworkV6 => IsPublicV6(address, b),
            _ => false,
        };
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> b) => !(
        b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 // this network, private, loopback, multicast/reserved/broadcast
        || (b[0] == 100 && (b[1] & 0xC0) == 64)                 // 100.64/10 shared address space (CGNAT, some metadata services)
        || (b[0] == 169 && b[1] == 254)                         // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)                 // 172.16/12
        || (b[0] == 192 && b[1] == 168)                         // 192.168/16
        || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2)) // IETF protocol assignments, TEST-NET-1
        || (b[0] == 192 && b[1] == 88 && b[2] == 99)            // 6to4 relay anycast
        || (b[0] == 198 && (b[1] & 0xFE) == 18)                 // 198.18/15 benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)           // TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113));          // TEST-NET-3

    private static bool IsPublicV6(IPAddress address, byte[] b)
    {
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast)
            return false;
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        if ((b[0] & 0xFE) == 0xFC)
            return false; // fc00::/7 unique local (fd00:ec2::254 is a metadata address)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
            return b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 && IsPublicV4(b.AsSpan(12, 4)); // NAT64 64:ff9b::/96; 64:ff9b:1::/48 is local
        if (b[0] == 0x20 && b[1] == 0x02)
            return IsPublicV4(b.AsSpan(2, 4)); // 6to4 embeds an IPv4 address
        if (b[0] == 0x20 && b[1] == 0x01 && ((b[2] == 0 && b[3] == 0) || (b[2] == 0x0D && b[3] == 0xB8)))
            return false; // Teredo, documentation
        return (b[0] & 0xE0) == 0x20; // global unicast 2000::/3 only
    }
}
