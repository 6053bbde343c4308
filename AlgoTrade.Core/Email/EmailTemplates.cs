using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Email;

/// <summary>Every email the app sends, as a plain-text and an HTML body built from the same lines.</summary>
public sealed class EmailTemplates(IOptions<EmailOptions> options, UnsubscribeTokens unsubscribe)
{
    public string Link(string pathAndQuery) => options.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    public EmailMessageContent VerifyEmail(string token) => Render(
        "Confirm your AlgoTrade email address",
        "Confirm your email address",
        ["Confirm this address to receive AlgoTrade notifications by email.", "The link works once and expires in 48 hours."],
        ("Confirm email address", Link("/account/verify-email?token=" + Uri.EscapeDataString(token))),
        footer: "If you did not create an AlgoTrade account, ignore this email.");

    public EmailMessageContent PasswordReset(string token, TimeSpan validFor) => Render(
        "Reset your AlgoTrade password",
        "Reset your password",
        ["Someone (hopefully you) asked to reset the password of this AlgoTrade account.",
         $"The link works once and expires in {validFor.TotalMinutes:0} minutes. Resetting signs out every other session."],
        ("Choose a new password", Link("/account/reset-password?token=" + Uri.EscapeDataString(token))),
        footer: "If you did not ask for this, ignore this email: your password stays as it is.");

    public EmailMessageContent Notification(int userId, string type, string subject, string heading, IReadOnlyList<string> lines, string? linkPath) =>
        Render(subject, heading, lines, linkPath is null ? null : ("Open AlgoTrade", Link(linkPath)),
            footer: "You get this email because it is switched on for this event in your notification settings.",
            unsubscribeUrl: Link("/email/unsubscribe?token=" + Uri.EscapeDataString(unsubscribe.Create(userId, type))));

    /// <summary>The message of <c>algotrade email test</c>; needs no app settings besides SMTP.</summary>
    public static EmailMessageContent Test(string to, DateTime at) => Render(
        "AlgoTrade test email",
        "Test email",
        [$"This test was sent to {to} at {at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.", "Your SMTP settings work."],
        null, footer: "Sent by `algotrade email test`.");

    private static EmailMessageContent Render(string subject, string heading, IReadOnlyList<string> lines, (string Label, string Url)? action,
        string footer, string? unsubscribeUrl = null)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        foreach (var line in lines) text.AppendLine(line);
        if (action is { } a) text.AppendLine().AppendLine($"{a.Label}: {a.Url}");
        text.AppendLine().AppendLine("-- ").AppendLine(footer);
        if (unsubscribeUrl is not null) text.AppendLine($"Stop these emails: {unsubscribeUrl}");

        static string H(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"margin:0;background:#f4f6f8;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2937\">");
        html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\" style=\"padding:24px\">");
        html.Append("<table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#ffffff;border-radius:8px;padding:24px\">");
        html.Append("<tr><td style=\"font-size:20px;font-weight:600;color:#1565c0;padding-bottom:8px\">AlgoTrade</td></tr>");
        html.Append($"<tr><td style=\"font-size:18px;font-weight:600;padding-bottom:12px\">{H(heading)}</td></tr>");
        foreach (var line in lines) html.Append($"<tr><td style=\"font-size:14px;line-height:1.5;padding-bottom:8px\">{H(line)}</td></tr>");
        if (action is { } b)
            html.Append($"<tr><td style=\"padding:16px 0\"><a href=\"{H(b.Url)}\" style=\"background:#1565c0;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-size:14px\">{H(b.Label)}</a></td></tr>")
                .Append($"<tr><td style=\"font-size:12px;color:#6b7280;word-break:break-all\">{H(b.Url)}</td></tr>");
        html.Append($"<tr><td style=\"font-size:12px;color:#6b7280;padding-top:16px;border-top:1px solid #e5e7eb\">{H(footer)}");
        if (unsubscribeUrl is not null) html.Append($" <a href=\"{H(unsubscribeUrl)}\" style=\"color:#6b7280\">Stop these emails</a>");
        html.Append("</td></tr></table></td></tr></table></body></html>");
        return new EmailMessageContent(subject, text.ToString(), html.ToString(), unsubscribeUrl);
    }
}
