namespace AlgoTrade.Web.Security;

public static class LocalReturnUrl
{
    /// <summary>Only same-site paths survive; anything else (absolute, protocol-relative, backslash tricks) becomes "/".</summary>
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/') return "/";
        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\')) return "/";
        if (returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)) return "/";
        return returnUrl.Any(char.IsControl) ? "/" : returnUrl;
    }
}
