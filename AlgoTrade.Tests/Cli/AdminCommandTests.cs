using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Tests.Cli;

public class AdminCommandTests
{
    [Fact]
    public async Task Db_migrate_brings_an_empty_database_up_to_date_and_is_idempotent()
    {
        await using var fresh = await TestDatabase.CreateFreshAsync();
        var first = await CliRunner.RunAsync("db", "migrate", "--connection", fresh.ConnectionString);
        Assert.Equal(0, first.Code);
        Assert.Contains("Applied", first.Out);

        var second = await CliRunner.RunAsync("db", "migrate", "--connection", fresh.ConnectionString);
        Assert.Equal(0, second.Code);
        Assert.Contains("Database is up to date.", second.Out);
    }

    [Fact]
    public async Task Users_create_admin_creates_an_admin_and_rejects_weak_passwords()
    {
        var connection = await TestDatabase.SharedAsync();
        var email = TestUsers.NewEmail("cli-admin");

        var weak = await CliRunner.RunAsync("users", "create-admin", "--email", email, "--password", "short", "--connection", connection);
        Assert.Equal(2, weak.Code);
        Assert.Contains("at least 12 characters", weak.Err);
        Assert.DoesNotContain("short", weak.Err.Replace("at least", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var ok = await CliRunner.RunAsync("users", "create-admin", "--email", email, "--password", "Operator-Pass-2026", "--connection", connection);
        Assert.Equal(0, ok.Code);
        await using var db = TestDatabase.CreateContext(connection);
        Assert.Equal(UserRoles.Admin, (await db.Users.SingleAsync(u => u.Email == email)).Role);
    }

    [Fact]
    public async Task Unknown_commands_and_options_fail_with_a_clear_message()
    {
        var unknown = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("Unknown command 'frobnicate'", unknown.Err);

        var typo = await CliRunner.RunAsync("db", "migrate", "--conection", "x", "--connection", await TestDatabase.SharedAsync());
        Assert.Equal(2, typo.Code);
        Assert.Contains("Unknown option(s): --conection", typo.Err);
    }
}
