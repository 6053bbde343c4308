using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlgoTrade.Core.Email;

/// <summary>Sends one message through the configured SMTP server with MailKit and reports the server's answer.</summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options)
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task<SmtpSendResult> SendAsync(string to, EmailMessageContent content, CancellationToken ct = default)
    {
        var smtp = options.CurrentValue;
        if (!smtp.IsConfigured)
            return new SmtpSendResult(false, false, "Email is not configured (Smtp:Host and Smtp:From).");

        MimeMessage message;
        try
        {
            message = Build(smtp.From!, to, content);
        }
        catch (ParseException)
        {
            return new SmtpSendResult(false, false, "The sender or recipient address is not valid.");
        }

        using var client = new SmtpClient { Timeout = (int)Math.Clamp(smtp.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            var reply = await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return new SmtpSendResult(true, false, Trim(reply));
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            return new SmtpSendResult(false, code is >= 400 and < 500, Trim($"{code} {ex.Message}"));
        }
        catch (AuthenticationException ex)
        {
            return new SmtpSendResult(false, false, Trim("authentication failed: " + ex.Message));
        }
        catch (SslHandshakeException)
        {
            return new SmtpSendResult(false, true, "the TLS handshake with the SMTP server failed");
        }
        catch (SmtpProtocolException ex)
        {
            return new SmtpSendResult(false, true, Trim("protocol error: " + ex.Message));
        }
        catch (NotSupportedException ex)
        {
            // e.g. STARTTLS required but the server does not offer it.
            return new SmtpSendResult(false, false, Trim(ex.Message));
        }
        catch (SocketException ex)
        {
            return new SmtpSendResult(false, true, $"could not connect to {smtp.Host}:{smtp.Port}: {ex.SocketErrorCode}");
        }
        catch (IOException)
        {
            return new SmtpSendResult(false, true, $"the connection to {smtp.Host}:{smtp.Port} was lost");
        }
        catch (TimeoutException)
        {
            return new SmtpSendResult(false, true, $"no answer from {smtp.Host}:{smtp.Port} within {smtp.Timeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SmtpSendResult(false, true, $"no answer from {smtp.Host}:{smtp.Port} within {smtp.Timeout.TotalSeconds:0} s");
        }
        catch (ServiceNotConnectedException)
        {
            return new SmtpSendResult(false, true, "the SMTP server closed the connection");
        }
    }

    private static MimeMessage Build(string from, string to, EmailMessageContent content)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        if (content.UnsubscribeUrl is { } url)
        {
            // The link opens a confirmation page (no one-click POST: link scanners must not unsubscribe anyone).
            message.Headers.Add("List-Unsubscribe", $"<{url}>");
        }
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return message;
    }

    private static string Trim(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 900 ? oneLine : oneLine[..900] + "…";
    }
}
