using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Monitoring;

/// <summary>The force-exit request: owner only, only for a running bot holding a position, and it triggers the tick now.</summary>
public class ForceExitTests : IAsyncLifetime
{
    private readonly RecordingScheduleControl _schedule = new();
    private ServiceProvider _core = default!;
    private BotService _bots = default!;

    public async Task InitializeAsync()
    {
        _core = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), _schedule);
        _bots = _core.GetRequiredService<BotService>();
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private async Task<(int UserId, int BotId)> BotAsync(bool inPosition, bool running)
    {
        var userId = await BotFixtures.NewUserAsync(_core, "exit");
        var created = await _bots.CreateAsync(userId, BotFixtures.Draft());
        var botId = created.Bot!.Id;
        if (running) Assert.True((await _bots.StartAsync(userId, botId)).Succeeded);
        await using var db = await TestDatabase.SharedContextAsync();
        await db.BotStates.Where(s => s.BotConfigId == botId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.InPosition, inPosition).SetProperty(x => x.EntryPrice, inPosition ? 100m : null)
            .SetProperty(x => x.CurrentPositionSizeCoins, inPosition ? 1m : null));
        return (userId, botId);
    }

    private static async Task<bool> FlagAsync(int botId)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        return await db.BotStates.Where(s => s.BotConfigId == botId).Select(s => s.ForceExitRequested).SingleAsync();
    }

    [Fact]
    public async Task The_owner_of_a_running_bot_in_position_sets_the_flag_and_the_tick_runs_now()
    {
        var (userId, botId) = await BotAsync(inPosition: true, running: true);
        var result = await _bots.RequestForceExitAsync(userId, botId);
        Assert.True(result.Succeeded);
        Assert.True(await FlagAsync(botId));
        Assert.Contains($"trigger {botId}", _schedule.Calls);
    }

    [Fact]
    public async Task Another_user_gets_not_found_and_nothing_changes()
    {
        var (_, botId) = await BotAsync(inPosition: true, running: true);
        var intruder = await BotFixtures.NewUserAsync(_core, "intruder");
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.RequestForceExitAsync(intruder, botId)).Status);
        Assert.False(await FlagAsync(botId));
        Assert.DoesNotContain($"trigger {botId}", _schedule.Calls);
    }

    [Theory]
    [InlineData(false, true, "position")]
    [InlineData(true, false, "status")]
    public async Task A_flat_or_stopped_bot_is_refused_with_the_reason(bool inPosition, bool running, string field)
    {
        var (userId, botId) = await BotAsync(inPosition, running);
        var result = await _bots.RequestForceExitAsync(userId, botId);
        Assert.Equal(BotOperationStatus.Invalid, result.Status);
        Assert.True(result.ErrorsOrEmpty.ContainsKey(field));
        Assert.False(await FlagAsync(botId));
        Assert.DoesNotContain($"trigger {botId}", _schedule.Calls);
    }
}
