using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Email;

/// <summary>Users and outbox rows written straight to the run's database, for tests of what reads them.</summary>
public static class EmailDeliveryRows
{
    /// <summary>
    /// A next attempt no worker reaches: the run's shared database is also served by the web hosts of email tests,
    /// whose workers would otherwise claim a "retrying" row written here.
    /// </summary>
    public static readonly DateTime NeverDue = new(2099, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<int> NewUserAsync(string prefix = "mail")
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail(prefix), HashedPassword = "x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static async Task<EmailDelivery> AddAsync(int userId, string subject, EmailDeliveryStatus status, int attempts, string? reply, DateTime createdAt,
        DateTime? nextAttemptAt = null, string kind = "trade_executed")
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var row = new EmailDelivery
        {
            UserId = userId,
            Kind = kind,
            ToAddress = $"user{userId}@example.test",
            Subject = subject,
            ProtectedTextBody = "not read by the log",
            ProtectedHtmlBody = "not read by the log",
            Status = status,
            Attempts = attempts,
            LastError = reply,
            NextAttemptAt = nextAttemptAt ?? createdAt,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            SentAt = status == EmailDeliveryStatus.Sent ? createdAt.AddSeconds(1) : null,
        };
        db.EmailDeliveries.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}
