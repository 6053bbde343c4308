using System.Net;
using System.Text.RegularExpressions;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>Drives the server-rendered account forms over HTTP the way a browser without JavaScript would.</summary>
public static partial class FormLogin
{
    public static async Task<Dictionary<string, string>> ReadHiddenFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        var form = await ReadHiddenFieldsAsync(client, path);
        foreach (var (k, v) in fields) form[k] = v;
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)""")]
    private static partial Regex HiddenInput();
}
