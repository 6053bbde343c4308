using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AlgoTrade.Tests.ApiKeys;

public class ApiKeyServiceTests : IAsyncLifetime
{
    // Random per test run, so a leak cannot be hidden by a value that happens to be elsewhere.
    private readonly string _key = "AK" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..20];
    private readonly string _secret = "SK" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..20];
    private readonly LogCapture _logs = new();
    private FakeBinanceServer _server = default!;
    private ServiceProvider _services = default!;
    private string _connection = "";

    private ApiKeyService Keys => _services.GetRequiredService<ApiKeyService>();

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _server.AddAccount(_key, _secret, usdt: 500m);
        _connection = await TestDatabase.SharedAsync();
        _services = CoreServices.Build(_connection, s => s.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)), ExchangeTestHost.Settings(_server));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<int> NewUserAsync() =>
        (await _services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail("keys"), TestUsers.Password)).User!.Id;

    private Task<ApiKeyResult> AddAsync(int userId, string? key = null, string label = "main") =>
        Keys.AddAsync(userId, new NewApiKey(ExchangeNames.Binance, label, key ?? _key, _secret));

    [Fact]
    public async Task Add_validates_against_the_exchange_and_shows_only_a_masked_key()
    {
        _server.Restrictions[_key] = (false, true);
        var userId = await NewUserAsync();

        var result = await AddAsync(userId);

        Assert.True(result.Succeeded);
        var key = result.Key!;
        Assert.True(key.IsValid, key.ValidationMessage);
        Assert.Equal($"{_key[..4]}…{_key[^4..]}", key.MaskedKey);
        Assert.True(key.CanWithdraw);
        Assert.False(key.IpRestricted);
        Assert.Equal(2, key.Warnings.Count);
        Assert.NotNull(key.LastValidatedAt);
        Assert.Equal([key], await Keys.ListAsync(userId));
    }

    [Fact]
    public async Task Stored_columns_hold_no_plaintext_and_decrypt_back_for_the_runtime()
    {
        var userId = await NewUserAsync();
        var id = (await AddAsync(userId)).Key!.Id;

        await using (var connection = new NpgsqlConnection(_connection))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT encrypted_api_key, encrypted_secret_key, masked_key, label FROM api_keys WHERE id = @id", connection);
            cmd.Parameters.AddWithValue("id", id);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var row = string.Join("|", Enumerable.Range(0, 4).Select(reader.GetString));
            Assert.DoesNotContain(_key, row, StringComparison.Ordinal);
            Assert.DoesNotContain(_secret, row, StringComparison.Ordinal);
            Assert.DoesNotContain(_key[4..^4], row, StringComparison.Ordinal);
            Assert.DoesNotContain(_secret[..12], row, StringComparison.Ordinal);
            Assert.NotEqual(reader.GetString(0), reader.GetString(1));
        }

        Assert.Equal(new ExchangeCredentials(_key, _secret), await Keys.GetCredentialsAsync(userId, ExchangeNames.Binance));
        Assert.Null(await Keys.GetCredentialsAsync(userId, ExchangeNames.BinanceTestnet));
    }

    [Fact]
    public async Task A_key_the_exchange_rejects_is_stored_invalid_and_never_handed_out()
    {
        var userId = await NewUserAsync();
        var result = await AddAsync(userId, key: "UNKNOWN" + Guid.NewGuid().ToString("N"));

        Assert.True(result.Succeeded);
        Assert.False(result.Key!.IsValid);
        Assert.Contains("rejected the key", result.Key.ValidationMessage, StringComparison.Ordinal);
        Assert.Null(await Keys.GetCredentialsAsync(userId, ExchangeNames.Binance));
    }

    [Fact]
    public async Task Revalidate_follows_the_exchange()
    {
        var userId = await NewUserAsync();
        var id = (await AddAsync(userId)).Key!.Id;

        _server.Accounts.TryRemove(_key, out _);
        var revoked = await Keys.RevalidateAsync(userId, id);
        Assert.False(revoked!.IsValid);

        _server.Accounts[_key] = _secret;
        Assert.True((await Keys.RevalidateAsync(userId, id))!.IsValid);
    }

    [Fact]
    public async Task Every_operation_is_scoped_to_the_owner()
    {
        var owner = await NewUserAsync();
        var other = await NewUserAsync();
        var id = (await AddAsync(owner)).Key!.Id;

        Assert.Empty(await Keys.ListAsync(other));
        Assert.Null(await Keys.FindAsync(other, id));
        Assert.Null(await Keys.RevalidateAsync(other, id));
        Assert.False(await Keys.DeleteAsync(other, id));
        Assert.Null(await Keys.GetCredentialsAsync(other, ExchangeNames.Binance));

        Assert.True(await Keys.DeleteAsync(owner, id));
        Assert.Empty(await Keys.ListAsync(owner));
    }

    [Fact]
    public async Task No_answer_from_the_exchange_is_no_verdict_a_new_key_stays_freshand_a_valid_one_stays_valid()
    {
        var userId = await NewUserAsync();
        for (var i = 0; i < 10; i++)
            _server.Inject("GET /api/v3/account", new FakeFault(FakeFaultKind.ServerErrorBeforeAccept));
        var fresh = (await AddAsync(userId, label: "offline")).Key!;
        Assert.False(fresh.IsValid);
        Assert.Null(fresh.LastValidatedAt);
        Assert.StartsWith("Could not reach Binance to check the key", fresh.ValidationMessage, StringComparison.Ordinal);

        // The faults left over after the client's retries are used up one re-validation at a time.
        for (var i = 0; i < 10 && (await Keys.RevalidateAsync(userId, fresh.Id))!.LastValidatedAt is null; i++)
        {
        }
        var valid = (await Keys.FindAsync(userId, fresh.Id))!;
        Assert.True(valid.IsValid, valid.ValidationMessage);

        for (var i = 0; i < 10; i++)
            _server.Inject("GET /api/v3/account", new FakeFault(FakeFaultKind.ServerErrorBeforeAccept));
        var after = (await Keys.RevalidateAsync(userId, fresh.Id))!;
        Assert.Equal((true, valid.LastValidatedAt, valid.ValidationMessage), (after.IsValid, after.LastValidatedAt, after.ValidationMessage));
        Assert.NotNull(await Keys.GetCredentialsAsync(userId, ExchangeNames.Binance));
    }

    [Theory]
    [InlineData("paper", "main", "ExchangeName")]
    [InlineData("binance", "", "Label")]
    public async Task Bad_input_is_refused_before_anything_is_stored(string exchange, string label, string field)
    {
        var userId = await NewUserAsync();
        var result = await Keys.AddAsync(userId, new NewApiKey(exchange, label, _key, _secret));
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(field));
        Assert.Empty(await Keys.ListAsync(userId));
        Assert.DoesNotContain(_key, string.Join(" ", result.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_key_nor_secret_reaches_a_log_or_an_error_during_add_validate_and_use()
    {
        var userId = await NewUserAsync();
        var id = (await AddAsync(userId)).Key!.Id;
        await Keys.RevalidateAsync(userId, id);
        var credentials = await Keys.GetCredentialsAsync(userId, ExchangeNames.Binance);
        var exchange = _services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Binance, credentials);
        var order = await exchange.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.001m, "leak-1"));
        Assert.True(order.Success, order.Error?.ToString());
        _server.Inject("POST /api/v3/order", new FakeFault(FakeFaultKind.ServerErrorAfterAccept));
        _server.Inject("GET /api/v3/order", new FakeFault(FakeFaultKind.ServerErrorAfterAccept));
        var unknown = await exchange.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.001m, "leak-2"));
        var wrongSecret = _services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Binance, new ExchangeCredentials(_key, _secret + "x"));
        var rejected = await wrongSecret.GetBalancesAsync();

        Assert.NotEmpty(_logs.Entries);
        Assert.Contains(_logs.Entries, e => e.Contains("System.Net.Http.HttpClient.binance", StringComparison.Ordinal));
        var everything = string.Join("\n", _logs.AllText, unknown.Error, rejected.Error, credentials);
        Assert.DoesNotContain(_key, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("signature=", everything, StringComparison.Ordinal);
    }
}
