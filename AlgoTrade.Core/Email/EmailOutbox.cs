using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Email;

/// <summary>
/// Writes emails to the durable outbox (<c>email_deliveries</c>); <see cref="EmailDeliveryWorker"/> sends them. An email
/// written here survives a restart, and exactly one node of a cluster sends it.
/// </summary>
public sealed class EmailOutbox(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SecretProtector protector,
    SmtpEmailSender sender,
    TimeProvider clock,
    ILogger<EmailOutbox> logger)
{
    private readonly SemaphoreSlim _wake = new(0);

    public bool IsAvailable => sender.IsConfigured;

    /// <returns>The outbox row's id, or null when email is not configured on this server (nothing is stored).</returns>
    public async Task<long?> EnqueueAsync(int? userId, string kind, string to, EmailMessageContent content, CancellationToken ct = default)
    {
        if (!sender.IsConfigured)
        {
            logger.LogWarning("Email {EmailKind} for user {UserId} not queued: email is not configured", kind, userId);
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = Stage(db, userId, kind, to, content);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Queued email {EmailId} {EmailKind} for user {UserId}", row.Id, kind, userId);
        _wake.Release();
        return row.Id;
    }

    /// <summary>
    /// Adds an email to <paramref name="db"/> without saving, for callers that must write it in the same transaction as
    /// their own change; call <see cref="WakeWorker"/> after the commit.
    /// </summary>
    public EmailDelivery Stage(AlgoTradeDbContext db, int? userId, string kind, string to, EmailMessageContent content)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new EmailDelivery
        {
            UserId = userId,
            Kind = kind,
            ToAddress = to,
            Subject = content.Subject.Length <= 300 ? content.Subject : content.Subject[..300],
            ProtectedTextBody = protector.Protect(SecretPurpose.EmailBody, content.Text),
            ProtectedHtmlBody = protector.Protect(SecretPurpose.EmailBody, content.Html),
            UnsubscribeUrl = content.UnsubscribeUrl,
            Status = EmailDeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.EmailDeliveries.Add(row);
        return row;
    }

    public void WakeWorker() => _wake.Release();

    /// <summary>Completes when an email was queued on this node or the timeout passed.</summary>
    internal async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        await _wake.WaitAsync(timeout, ct);
        while (_wake.CurrentCount > 0) await _wake.WaitAsync(0, ct);
    }
}
