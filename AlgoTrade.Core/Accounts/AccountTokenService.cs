using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Accounts;

/// <summary>Emailed single-use, time-limited tokens (verification, password reset). Only their SHA-256 is stored.</summary>
public sealed class AccountTokenService(IDbContextFactory<AlgoTradeDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Creates a token and retires the user's earlier unused ones of the same purpose (only the newest link works).</summary>
    public async Task<string> CreateAsync(int userId, string purpose, string email, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = TokenHashing.NewToken();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now), ct);
        db.AccountTokens.Add(new AccountToken
        {
            UserId = userId, Purpose = purpose, TokenHash = TokenHashing.Hash(token), Email = email, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Checks a token without using it up (to decide whether to show the reset form).</summary>
    public async Task<TokenResult> PeekAsync(string purpose, string? token, CancellationToken ct = default)
    {
        if (!TokenHashing.LooksLikeToken(token)) return new TokenResult(TokenCheck.Invalid);
        var hash = TokenHashing.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AccountTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        return Classify(row);
    }

    /// <summary>Uses the token up, atomically: two requests racing with one token cannot both succeed.</summary>
    public async Task<TokenResult> ConsumeAsync(string purpose, string? token, CancellationToken ct = default)
    {
        if (!TokenHashing.LooksLikeToken(token)) return new TokenResult(TokenCheck.Invalid);
        var hash = TokenHashing.Hash(token!);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var used = await db.AccountTokens
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var row = await db.AccountTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, ct);
        if (used == 1 && row is not null) return new TokenResult(TokenCheck.Valid, row.UserId, row.Email);
        return Classify(row) is { Check: TokenCheck.Valid } ? new TokenResult(TokenCheck.AlreadyUsed) : Classify(row);
    }

    private TokenResult Classify(AccountToken? row)
    {
        if (row is null) return new TokenResult(TokenCheck.Invalid);
        if (row.UsedAt is not null) return new TokenResult(TokenCheck.AlreadyUsed);
        if (row.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return new TokenResult(TokenCheck.Expired);
        return new TokenResult(TokenCheck.Valid, row.UserId, row.Email);
    }
}
