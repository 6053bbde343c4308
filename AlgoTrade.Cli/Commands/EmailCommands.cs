using System.Collections;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Cli.Commands;

/// <summary>Operator check of the SMTP settings the app would use; no database needed.</summary>
internal static class EmailCommands
{
    // Options that override the Smtp__* environment variables; the password is read from Smtp__Password only, so it
    // never shows in a process list or a shell history.
    private static readonly (string Option, string Key)[] Overrides =
        [("smtp-host", "Host"), ("smtp-port", "Port"), ("smtp-security", "Security"), ("smtp-from", "From"), ("smtp-username", "Username"), ("smtp-timeout", "Timeout")];

    public static Task<int> TestAsync(CliArgs args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        TestAsync(args, Environment.GetEnvironmentVariables(), stdout, stderr, ct);

    /// <param name="environment">The process environment; a parameter so tests need not change the real one.</param>
    internal static async Task<int> TestAsync(CliArgs args, IDictionary environment, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var to = args.Require("to").Trim();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in environment)
            if (e.Key is string key && key.StartsWith(SmtpOptions.Section + "__", StringComparison.OrdinalIgnoreCase))
                values[key.Replace("__", ":", StringComparison.Ordinal)] = e.Value as string;
        foreach (var (option, key) in Overrides)
            if (args.Get(option) is { } value)
                values[$"{SmtpOptions.Section}:{key}"] = value;
        args.EnsureNoUnknownOptions();
        if (!EmailAddress.IsValid(to))
            throw new CliException($"--to '{to}' is not an email address.");

        var services = new ServiceCollection();
        services.AddOptions<SmtpOptions>().Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpEmailSender>();
        await using var provider = services.BuildServiceProvider();
        SmtpOptions smtp;
        try
        {
            smtp = provider.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue;
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException($"The SMTP settings cannot be read: {ex.Message}");
        }
        if (!smtp.IsConfigured)
        {
            await stderr.WriteLineAsync("error: email is not configured: set Smtp__Host and Smtp__From (or pass --smtp-host and --smtp-from).");
            return 1;
        }

        await stdout.WriteLineAsync($"Sending a test email to {to} through {smtp.Host}:{smtp.Port} ({smtp.Security}) as {smtp.From}…");
        var result = await provider.GetRequiredService<SmtpEmailSender>().SendAsync(to, EmailTemplates.Test(to, DateTime.UtcNow), ct);
        if (result.Succeeded)
        {
            await stdout.WriteLineAsync($"Sent. Server reply: {result.Reply}");
            return 0;
        }
        await stderr.WriteLineAsync($"error: not sent: {result.Reply}");
        await stderr.WriteLineAsync(result.Transient
            ? "The failure may be temporary (the app would retry it); check that the server is up and reachable from here."
            : "The server refused the message; the app would not retry it. Check the sender, the recipient and the credentials.");
        return 1;
    }
}
