using System.Collections;
using System.Globalization;
using AlgoTrade.Cli;
using AlgoTrade.Cli.Commands;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Cli;

/// <summary><c>algotrade email test</c> against smtp4dev, a refusing server and a closed port.</summary>
public sealed class EmailCommandTests : IDisposable
{
    private readonly Smtp4devInbox _inbox = Smtp4devInbox.FromEnvironment();

    public void Dispose() => _inbox.Dispose();

    private static string[] Smtp(int port) =>
        ["--smtp-host", "127.0.0.1", "--smtp-port", port.ToString(CultureInfo.InvariantCulture), "--smtp-security", "None",
         "--smtp-from", "AlgoTrade <noreply@algotrade.test>", "--smtp-timeout", "00:00:05"];

    [Fact]
    public async Task Sends_one_message_to_the_real_server_and_prints_its_reply()
    {
        var to = TestUsers.NewEmail("cli-mail");

        var (code, stdout, stderr) = await CliRunner.RunAsync(["email", "test", "--to", to, .. Smtp(_inbox.SmtpPort)]);

        Assert.True(code == 0, stderr);
        Assert.Contains($"through 127.0.0.1:{_inbox.SmtpPort} (None)", stdout);
        Assert.Contains("Sent. Server reply: ", stdout);
        var mail = await _inbox.WaitForAsync(to, "AlgoTrade test email");
        Assert.Contains($"This test was sent to {to}", mail.Text);
        Assert.Contains("noreply@algotrade.test", mail.From);
    }

    [Fact]
    public async Task Reads_the_Smtp_environment_variables_the_app_uses()
    {
        var to = TestUsers.NewEmail("cli-env");
        var environment = new Hashtable
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = _inbox.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["SMTP__SECURITY"] = "None",
            ["Smtp__From"] = "Ops <ops@algotrade.test>",
            ["PATH"] = "/usr/bin",
        };
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await EmailCommands.TestAsync(CliArgs.Parse(["email", "test", "--to", to], new HashSet<string>()), environment, stdout, stderr, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("ops@algotrade.test", (await _inbox.WaitForAsync(to, "AlgoTrade test email")).From);
    }

    [Fact]
    public async Task A_refusing_server_exits_1_with_its_reply()
    {
        await using var smtp = ScriptedSmtpServer.Start();
        smtp.RcptReply = "550 5.7.1 Relaying denied";

        var (code, stdout, stderr) = await CliRunner.RunAsync(["email", "test", "--to", "someone@example.test", .. Smtp(smtp.Port)]);

        Assert.Equal(1, code);
        Assert.DoesNotContain("Sent.", stdout);
        Assert.Contains("error: not sent: 550 5.7.1 Relaying denied", stderr);
        Assert.Contains("The server refused the message", stderr);
    }

    [Fact]
    public async Task A_server_that_is_down_exits_1_with_the_connection_error()
    {
        var port = AlgoTradeWebFactory.FreePort();

        var (code, _, stderr) = await CliRunner.RunAsync(["email", "test", "--to", "someone@example.test", .. Smtp(port)]);

        Assert.Equal(1, code);
        Assert.Contains($"error: not sent: could not connect to 127.0.0.1:{port}: ConnectionRefused", stderr);
        Assert.Contains("may be temporary", stderr);
    }

    [Fact]
    public async Task Without_settings_or_with_bad_input_it_says_what_is_missing()
    {
        var stderr = new StringWriter();
        var none = await EmailCommands.TestAsync(CliArgs.Parse(["email", "test", "--to", "a@example.test"], new HashSet<string>()), new Hashtable(),
            new StringWriter(), stderr, CancellationToken.None);
        Assert.Equal(1, none);
        Assert.Contains("email is not configured: set Smtp__Host and Smtp__From", stderr.ToString());

        var noTo = await CliRunner.RunAsync("email", "test");
        Assert.Equal((2, "error: Missing required option --to."), (noTo.Code, noTo.Err.Trim()));
        var badTo = await CliRunner.RunAsync("email", "test", "--to", "not-an-address");
        Assert.Equal(2, badTo.Code);
        Assert.Contains("is not an email address", badTo.Err);
        var badPort = await CliRunner.RunAsync("email", "test", "--to", "a@example.test", "--smtp-host", "127.0.0.1", "--smtp-from", "x@example.test", "--smtp-port", "many");
        Assert.Equal(2, badPort.Code);
        Assert.Contains("The SMTP settings cannot be read", badPort.Err);
    }
}
