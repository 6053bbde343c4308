using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// The smtp4dev server that ./test.sh starts on loopback (ALGOTRADE_SMTP4DEV_URL / _SMTP_PORT). Messages are read
/// back through its HTTP API. Without the server the tests that need it fail with a message saying so, never skip.
/// </summary>
public sealed partial class Smtp4devInbox : IDisposable
{
    private readonly HttpClient _http;

    private Smtp4devInbox(Uri url, int smtpPort)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(15) };
        SmtpPort = smtpPort;
    }

    public int SmtpPort { get; }

    public static Smtp4devInbox FromEnvironment()
    {
        var url = Environment.GetEnvironmentVariable("ALGOTRADE_SMTP4DEV_URL");
        var port = Environment.GetEnvironmentVariable("ALGOTRADE_SMTP4DEV_SMTP_PORT");
        if (string.IsNullOrEmpty(url) || !int.TryParse(port, out var smtpPort))
            throw new InvalidOperationException(
                "smtp4dev is not running: ALGOTRADE_SMTP4DEV_URL and ALGOTRADE_SMTP4DEV_SMTP_PORT are not set. Run the tests through ./test.sh, which starts it.");
        return new Smtp4devInbox(new Uri(url), smtpPort);
    }

    /// <summary>App settings that send this app's email to smtp4dev.</summary>
    public Dictionary<string, string?> AppSettings(Uri appBaseUrl) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "AlgoTrade <noreply@algotrade.test>",
        ["Email:BaseUrl"] = appBaseUrl.ToString().TrimEnd('/'),
        ["Email:PollInterval"] = "00:00:00.200",
    };

    /// <summary>Waits for the newest message to <paramref name="to"/> whose subject contains the text, and reads its bodies.</summary>
    public async Task<ReceivedEmail> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null, int skip = 0)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = await _http.GetFromJsonAsync<MessagePage>($"api/messages?pageSize=200&searchTerms={Uri.EscapeDataString(to)}");
            var matches = (page?.Results ?? []).Where(m => m.To.Any(t => t.Equals(to, StringComparison.OrdinalIgnoreCase))
                && m.Subject.Contains(subjectContains, StringComparison.Ordinal)).OrderByDescending(m => m.ReceivedDate).ToList();
            if (matches.Count > skip)
            {
                var m = matches[skip];
                var text = await _http.GetStringAsync($"api/messages/{m.Id}/plaintext");
                var html = await _http.GetStringAsync($"api/messages/{m.Id}/html");
                var source = await _http.GetStringAsync($"api/messages/{m.Id}/source");
                return new ReceivedEmail(m.Id, m.From, m.To, m.Subject, text, html, source);
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No email to {to} with a subject containing '{subjectContains}' reached smtp4dev in time.");
            await Task.Delay(200);
        }
    }

    public async Task<int> CountAsync(string to)
    {
        var page = await _http.GetFromJsonAsync<MessagePage>($"api/messages?pageSize=500&searchTerms={Uri.EscapeDataString(to)}");
        return (page?.Results ?? []).Count(m => m.To.Any(t => t.Equals(to, StringComparison.OrdinalIgnoreCase)));
    }

    public void Dispose() => _http.Dispose();

    public sealed record ReceivedEmail(string Id, string From, string[] To, string Subject, string Text, string Html, string Source)
    {
        public IReadOnlyList<string> TextLinks => LinkPattern().Matches(Text).Select(m => m.Value).ToList();

        public IReadOnlyList<string> HtmlLinks => HrefPattern().Matches(Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        public string Link(string pathPrefix) => TextLinks.First(l => new Uri(l).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] List<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string[] To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("receivedDate")] DateTime ReceivedDate);

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
