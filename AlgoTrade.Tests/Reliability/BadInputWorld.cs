using System.Net;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// The real app on Kestrel over a database of its own, so "nothing saved" can be checked by counting every row of
/// every table, with one signed-in trader.
/// </summary>
public sealed class BadInputWorld : IAsyncLifetime
{
    private FreshDatabase _database = default!;

    public AlgoTradeWebFactory App { get; private set; } = default!;
    public IServiceProvider Services => App.Services;
    public HttpClient Trader { get; private set; } = default!;
    public int TraderId { get; private set; }
    public string TraderEmail { get; } = TestUsers.NewEmail("badinput");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        App = await AlgoTradeWebFactory.StartAsync(BotFixtures.OfflineBinance, connectionString: _database.ConnectionString);
        TraderId = (await Services.GetRequiredService<UserAccountService>().RegisterAsync(TraderEmail, TestUsers.Password)).User!.Id;
        Trader = App.CreateBrowserLikeClient();
        var login = await FormLogin.LoginAsync(Trader, TraderEmail, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    public async Task DisposeAsync()
    {
        Trader.Dispose();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Rows per table (the scheduler's own tables aside): the catalogue's proof that a refusal saved nothing.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'qrtz%' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
