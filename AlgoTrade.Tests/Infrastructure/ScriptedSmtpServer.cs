using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on a loopback port whose answer to RCPT TO the test chooses (250, a 4xx "try later" or a 5xx
/// refusal), for the failure paths smtp4dev cannot produce. It can also be started late, on a port reserved earlier,
/// to stand for a server that was down and came back.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private ScriptedSmtpServer(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The full reply line to every RCPT TO, e.g. "550 5.1.1 mailbox unavailable"; 250 accepts.</summary>
    public string RcptReply { get; set; } = "250 2.1.5 Ok";

    /// <summary>Recipients whose RCPT TO gets this reply whatever <see cref="RcptReply"/> says.</summary>
    public ConcurrentDictionary<string, string> RcptReplyFor { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> DeliveredTo { get; } = new();

    public int RcptAttempts => _rcptAttempts;

    private int _rcptAttempts;

    public static ScriptedSmtpServer Start(int port = 0) => new(port);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.ASCII);
            var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted.test ESMTP ready");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250-scripted.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        Interlocked.Increment(ref _rcptAttempts);
                        var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        var reply = RcptReplyFor.TryGetValue(address, out var specific) ? specific : RcptReply;
                        if (reply.StartsWith("250", StringComparison.Ordinal)) recipients.Add(address);
                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                        }
                        foreach (var r in recipients) DeliveredTo.Enqueue(r);
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued as SCRIPTED1");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 Ok");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
