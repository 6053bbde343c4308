using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL that ./test.sh starts. <see cref="SharedAsync"/> is the run's throwaway database, migrated once;
/// <see cref="CreateFreshAsync"/> makes an extra empty database for tests that need one of their own.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _migrated;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Default") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ConnectionStrings__Default is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    public static async Task<string> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!_migrated)
            {
                await using var db = CreateContext(ConnectionString);
                await DatabaseSetup.MigrateAsync(db);
                _migrated = true;
            }
        }
        finally
        {
            Gate.Release();
        }
        return ConnectionString;
    }

    public static AlgoTradeDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AlgoTradeDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new AlgoTradeDbContext(options.Options);
    }

    public static async Task<AlgoTradeDbContext> SharedContextAsync() => CreateContext(await SharedAsync());

    /// <summary>A new, empty database on the same server; dropped by disposing the returned handle.</summary>
    public static async Task<FreshDatabase> CreateFreshAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = $"{builder.Database}_x{Guid.NewGuid():N}"[..Math.Min(63, builder.Database!.Length + 34)];
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return new FreshDatabase(builder.ConnectionString, name);
    }

    /// <summary>A fresh database with every migration applied: for tests whose work-queue jobs no other test's node may claim.</summary>
    public static async Task<FreshDatabase> CreateMigratedAsync()
    {
        var fresh = await CreateFreshAsync();
        await using var db = CreateContext(fresh.ConnectionString);
        await DatabaseSetup.MigrateAsync(db);
        return fresh;
    }

    internal static string AdminConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        return builder.ConnectionString;
    }
}

public sealed class FreshDatabase(string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString());
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
