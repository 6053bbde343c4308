using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Email;

/// <summary>
/// Sends due outbox emails. Each node claims rows with <c>FOR UPDATE SKIP LOCKED</c> and a claim that expires, so
/// a cluster sends every email once and a node that dies mid-send leaves its rows to the others. Transient failures
/// (4xx, refused or lost connections, timeouts) are retried with doubling delays; after the last attempt, or on a
/// permanent 5xx refusal, the row is marked failed with the server's reply. A failing server never blocks anything else.
/// </summary>
public sealed class EmailDeliveryWorker(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    EmailOutbox outbox,
    SmtpEmailSender sender,
    SecretProtector protector,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<EmailDeliveryWorker> logger) : BackgroundService
{
    private readonly string _node = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker || !sender.IsConfigured)
        {
            logger.LogInformation("Email delivery worker not started: {Reason}", sender.IsConfigured ? "disabled" : "email is not configured");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent == 0)
                    await outbox.WaitForWorkAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Email delivery round failed; trying again in {Delay}", options.Value.PollInterval);
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims and sends one batch of due emails; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimedUntil = now + options.Value.ClaimDuration;
        List<EmailDelivery> batch;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            batch = await db.EmailDeliveries.FromSql($"""
                UPDATE email_deliveries SET locked_until = {claimedUntil}, locked_by = {_node}
                WHERE id IN (
                    SELECT id FROM email_deliveries
                    WHERE status IN ('pending', 'retrying') AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY next_attempt_at, id
                    LIMIT {options.Value.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
        }
        foreach (var email in batch)
            await SendAsync(email, ct);
        return batch.Count;
    }

    private async Task SendAsync(EmailDelivery email, CancellationToken ct)
    {
        SmtpSendResult result;
        try
        {
            var content = new EmailMessageContent(email.Subject,
                protector.Unprotect(SecretPurpose.EmailBody, email.ProtectedTextBody),
                protector.Unprotect(SecretPurpose.EmailBody, email.ProtectedHtmlBody),
                email.UnsubscribeUrl);
            result = await sender.SendAsync(email.ToAddress, content, ct);
        }
        catch (SecretUnreadableException)
        {
            result = new SmtpSendResult(false, false, "the message body cannot be decrypted with this server's key ring");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = email.Attempts + 1;
        EmailDeliveryStatus status;
        var next = email.NextAttemptAt;
        if (result.Succeeded)
            status = EmailDeliveryStatus.Sent;
        else if (result.Transient && attempts < Math.Max(1, options.Value.MaxAttempts))
        {
            status = EmailDeliveryStatus.Retrying;
            next = now + options.Value.RetryDelay * Math.Pow(2, attempts - 1);
        }
        else
            status = EmailDeliveryStatus.Failed;

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.EmailDeliveries.Where(e => e.Id == email.Id && e.LockedBy == _node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.NextAttemptAt, next)
                .SetProperty(e => e.LastError, result.Reply)
                .SetProperty(e => e.SentAt, result.Succeeded ? now : null)
                .SetProperty(e => e.LockedUntil, (DateTime?)null)
                .SetProperty(e => e.LockedBy, (string?)null)
                .SetProperty(e => e.UpdatedAt, now), CancellationToken.None);

        if (status == EmailDeliveryStatus.Sent)
            logger.LogInformation("Sent email {EmailId} {EmailKind} for user {UserId}: {ServerReply}", email.Id, email.Kind, email.UserId, result.Reply);
        else if (status == EmailDeliveryStatus.Retrying)
            logger.LogInformation("Email {EmailId} {EmailKind} attempt {Attempt} failed ({ServerReply}); retrying at {NextAttempt}",
                email.Id, email.Kind, attempts, result.Reply, next);
        else
            logger.LogWarning("Gave up on email {EmailId} {EmailKind} for user {UserId} after {Attempts} attempts: {ServerReply}",
                email.Id, email.Kind, email.UserId, attempts, result.Reply);
    }
}
