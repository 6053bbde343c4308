using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Tests.Web;

public class DemoSeedTests
{
    [Fact]
    public async Task Development_seed_gives_the_demo_trader_two_simulated_bots_that_start_ticking_offline()
    {
        var trader = TestUsers.NewEmail("demo-trader");
        // A database of its own: this host schedules every active bot it finds, as the real app does.
        await using var fresh = await TestDatabase.CreateFreshAsync();
        await using var app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduling:ScheduleActiveBotsAtStartup"] = "true",
            ["DemoSeed:Enabled"] = "true",
            ["DemoSeed:AdminEmail"] = TestUsers.NewEmail("demo-admin"),
            ["DemoSeed:AdminPassword"] = "Admin-Demo-2026!",
            ["DemoSeed:TraderEmail"] = trader,
            ["DemoSeed:TraderPassword"] = "Trader-Demo-2026!",
        }, connectionString: fresh.ConnectionString);

        List<BotConfig> bots = [];
        var deadline = DateTime.UtcNow.AddSeconds(25);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = TestDatabase.CreateContext(fresh.ConnectionString);
            bots = await db.BotConfigs.AsNoTracking().Include(b => b.State).Where(b => b.User!.Email == trader).ToListAsync();
            if (bots.Count == 2 && bots.All(b => b.State!.LastRunAt is not null)) break;
            await Task.Delay(250);
        }
        Assert.Equal(2, bots.Count);
        Assert.All(bots, b =>
        {
            Assert.Equal(ExchangeNames.Simulated, b.ExchangeName);
            Assert.True(b.IsActive);
            Assert.Equal(BotStatus.Running, b.State!.Status);
            Assert.NotNull(b.State.LastRunAt);
            Assert.Null(b.State.LastErrorMessage);
        });
    }
}
