namespace AlgoTrade.Web.Security;

/// <summary>"Security" section: HTTPS, request size and the proxies whose X-Forwarded-* headers are believed.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Redirect http to https, send HSTS and mark cookies Secure. Off in Development (and the tests' plain-http hosts).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>The public https port redirects point to (the TLS proxy's, not Kestrel's).</summary>
    public int HttpsPort { get; set; } = 443;

    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Addresses of TLS-terminating reverse proxies besides loopback (which is always trusted).</summary>
    public string[] TrustedProxies { get; set; } = [];
}
