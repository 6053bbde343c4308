using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Persistence;

public static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static async Task MigrateAsync(AlgoTradeDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.MigrateAsync(cancellationToken);
}
