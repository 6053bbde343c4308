using System.Linq.Expressions;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using AlgoTrade.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.ApiKeys;

/// <summary>
/// Stores exchange keys encrypted, validates them against the exchange and hands decrypted credentials to the runtime.
/// Every query filters by user id; lists never decrypt.
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SecretProtector protector,
    IExchangeClientFactory exchanges,
    INotificationSink notifications,
    TimeProvider clock,
    ILogger<ApiKeyService> logger)
{
    public async Task<ApiKeyResult> AddAsync(int userId, NewApiKey input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
            return new ApiKeyResult(null, errors);

        var apiKey = input.ApiKey.Trim();
        var secret = input.ApiSecret.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new ApiKey
        {
            UserId = userId,
            ExchangeName = input.ExchangeName,
            Label = input.Label.Trim(),
            EncryptedApiKey = protector.Protect(SecretPurpose.ApiKey, apiKey),
            EncryptedSecretKey = protector.Protect(SecretPurpose.ApiSecret, secret),
            MaskedKey = ApiKeyMask.Mask(apiKey),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ApiKeys.Add(entity);
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("User {UserId} added API key {ApiKeyId} for {Exchange}", userId, entity.Id, entity.ExchangeName);

        await ValidateAndStoreAsync(entity.Id, userId, entity.ExchangeName, new ExchangeCredentials(apiKey, secret), ct);
        return new ApiKeyResult(await FindAsync(userId, entity.Id, ct), new Dictionary<string, string[]>());
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId)
            .OrderBy(k => k.ExchangeName).ThenBy(k => k.Label).ThenBy(k => k.Id)
            .Select(ToSummary).ToListAsync(ct);
    }

    public async Task<ApiKeySummary?> FindAsync(int userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId && k.Id == id).Select(ToSummary).SingleOrDefaultAsync(ct);
    }

    /// <summary>Checks the stored key against the exchange again; null when the user has no such key.</summary>
    public async Task<ApiKeySummary?> RevalidateAsync(int userId, int id, CancellationToken ct = default)
    {
        ApiKey? entity;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            entity = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId && k.Id == id, ct);
        if (entity is null)
            return null;
        await ValidateAndStoreAsync(entity.Id, userId, entity.ExchangeName, Decrypt(entity), ct);
        return await FindAsync(userId, id, ct);
    }

    public async Task<bool> DeleteAsync(int userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.ApiKeys.Where(k => k.UserId == userId && k.Id == id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
            logger.LogInformation("User {UserId} deleted API key {ApiKeyId}", userId, id);
        return deleted > 0;
    }

    /// <summary>Decrypted credentials of the user's most recently validated valid key for the exchange, for the bot runtime.</summary>
    public async Task<ExchangeCredentials?> GetCredentialsAsync(int userId, string exchangeName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.ExchangeName == exchangeName && k.IsValid)
            .OrderByDescending(k => k.LastValidatedAt).ThenByDescending(k => k.Id)
            .FirstOrDefaultAsync(ct);
        return entity is null ? null : Decrypt(entity);
    }

    private ExchangeCredentials Decrypt(ApiKey entity) => new(
        protector.Unprotect(SecretPurpose.ApiKey, entity.EncryptedApiKey),
        protector.Unprotect(SecretPurpose.ApiSecret, entity.EncryptedSecretKey));

    private async Task ValidateAndStoreAsync(int id, int userId, string exchangeName, ExchangeCredentials credentials, CancellationToken ct)
    {
        var verdict = await CheckWithExchangeAsync(exchangeName, credentials, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!verdict.Reached)
        {
            // No answer is no verdict: a key checked before keeps its status (its bots keep trading); a new one stays
            // unchecked (last validated: never) with the reason, until it is re-validated.
            await db.ApiKeys.Where(k => k.UserId == userId && k.Id == id && k.LastValidatedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(k => k.ValidationMessage, verdict.Message)
                .SetProperty(k => k.UpdatedAt, now), ct);
            logger.LogWarning("API key {ApiKeyId} of user {UserId} could not be checked: {Exchange} did not answer", id, userId, exchangeName);
            return;
        }
        var before = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId && k.Id == id)
            .Select(k => new { k.Label, k.IsValid, k.LastValidatedAt }).SingleOrDefaultAsync(ct);
        if (before is null) return;
        await db.ApiKeys.Where(k => k.UserId == userId && k.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(k => k.IsValid, verdict.IsValid)
            .SetProperty(k => k.ValidationMessage, verdict.Message)
            .SetProperty(k => k.CanWithdraw, verdict.CanWithdraw)
            .SetProperty(k => k.IpRestricted, verdict.IpRestricted)
            .SetProperty(k => k.LastValidatedAt, now)
            .SetProperty(k => k.UpdatedAt, now), ct);
        logger.LogInformation("API key {ApiKeyId} of user {UserId} validated against {Exchange}: valid {IsValid}",
            id, userId, exchangeName, verdict.IsValid);
        // Once per change to invalid: re-checking a key already known to be rejected tells the owner nothing new.
        if (!verdict.IsValid && (before.IsValid || before.LastValidatedAt is null))
            notifications.Notify(userId, NotificationTypes.ApiKeyInvalid, ApiKeyNotifications.Rejected(exchangeName, before.Label, verdict.Message, 0, null, now));
    }

    private async Task<Verdict> CheckWithExchangeAsync(string exchangeName, ExchangeCredentials credentials, CancellationToken ct)
    {
        var client = exchanges.Create(exchangeName, credentials);
        if (client is not BinanceSpotClient binance)
        {
            var balances = await client.GetBalancesAsync(ct);
            return balances.Success ? new Verdict(true, "The exchange accepted the key.", null, null) : Rejected(exchangeName, balances.Error);
        }

        var account = await binance.Account.GetAccountInfoAsync(ct);
        if (!account.Success)
            return Rejected(exchangeName, account.Error);
        // apiRestrictions is not on the testnet; then we simply do not know.
        var restrictions = await binance.Account.GetApiKeyRestrictionsAsync(ct);
        bool? canWithdraw = restrictions.Success ? restrictions.Data.CanWithdraw : null;
        bool? ipRestricted = restrictions.Success ? restrictions.Data.IpRestricted : null;
        return account.Data.CanTrade
            ? new Verdict(true, "Valid: the key can read the account and trade spot.", canWithdraw, ipRestricted)
            : new Verdict(false, "The key can read the account but spot trading is not enabled for it.", canWithdraw, ipRestricted);
    }

    private static Verdict Rejected(string exchangeName, ExchangeError error) => error.Kind is ExchangeErrorKind.InvalidApiKey or ExchangeErrorKind.Rejected
        ? new Verdict(false, $"The exchange rejected the key: {error.Message}", null, null)
        : new Verdict(false, $"Could not reach {ExchangeNames.DisplayName(exchangeName)} to check the key ({error.Message}); re-validate it later.", null, null, Reached: false);

    // Selects columns only: the encrypted ones are never read for a list.
    private static readonly Expression<Func<ApiKey, ApiKeySummary>> ToSummary = k => new ApiKeySummary(
        k.Id, k.ExchangeName, k.Label, k.MaskedKey, k.IsValid, k.LastValidatedAt, k.ValidationMessage, k.CanWithdraw, k.IpRestricted, k.CreatedAt);

    private static Dictionary<string, string[]> Validate(NewApiKey input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ExchangeNames.IsValid(input.ExchangeName) || !ExchangeNames.RequiresApiKey(input.ExchangeName))
            errors[nameof(NewApiKey.ExchangeName)] = [$"Choose {ExchangeNames.DisplayName(ExchangeNames.Binance)} or {ExchangeNames.DisplayName(ExchangeNames.BinanceTestnet)}; paper and simulated bots need no key."];
        if (string.IsNullOrWhiteSpace(input.Label) || input.Label.Trim().Length > 100)
            errors[nameof(NewApiKey.Label)] = ["Give the key a label of at most 100 characters."];
        else if (InvisibleCharacters.In(input.Label))
            errors[nameof(NewApiKey.Label)] = ["The label may not contain control characters or invisible formatting characters."];
        if (!LooksLikeKey(input.ApiKey))
            errors[nameof(NewApiKey.ApiKey)] = ["Paste the API key: 16 to 128 letters and digits."];
        if (!LooksLikeKey(input.ApiSecret))
            errors[nameof(NewApiKey.ApiSecret)] = ["Paste the secret key: 16 to 128 letters and digits."];
        return errors;
    }

    private static bool LooksLikeKey(string? value) =>
        value?.Trim() is { Length: >= 16 and <= 128 } trimmed && trimmed.All(char.IsAsciiLetterOrDigit);

    /// <param name="Reached">False when the exchange gave no answer on the key (unreachable, overloaded, rate-limited).</param>
    private sealed record Verdict(bool IsValid, string Message, bool? CanWithdraw, bool? IpRestricted, bool Reached = true);
}
