using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Cli.Commands;

internal static class DbCommands
{
    public static async Task<int> MigrateAsync(CliArgs args, TextWriter stdout, CancellationToken ct)
    {
        await using var services = CliServices.Build(args);
        args.EnsureNoUnknownOptions();
        await using var db = await services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>().CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await DatabaseSetup.MigrateAsync(db, ct);
        await stdout.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
