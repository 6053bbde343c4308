using System.Text.Json;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Bots;

/// <summary>BotService on the real database: user scoping, the one validator, clone, delete consent, start/stop/reschedule.</summary>
public class BotServiceTests : IAsyncLifetime
{
    private readonly RecordingScheduleControl _schedule = new();
    private ServiceProvider _services = default!;
    private BotService _bots = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        _services = BotFixtures.BuildServices(await TestDatabase.SharedAsync(), _schedule);
        _bots = _services.GetRequiredService<BotService>();
        _alice = await BotFixtures.NewUserAsync(_services, "alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "mallory");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<BotConfig> CreateAsync(int userId, string name = "BTC trend")
    {
        var result = await _bots.CreateAsync(userId, BotFixtures.Draft(name));
        Assert.True(result.Succeeded, string.Join(" ", result.ErrorsOrEmpty.SelectMany(e => e.Value)));
        return result.Bot!;
    }

    [Fact]
    public async Task Create_stores_the_config_normalized_with_a_stopped_state_row()
    {
        var bot = await CreateAsync(_alice);

        await using var db = await TestDatabase.SharedContextAsync();
        var stored = await db.BotConfigs.Include(b => b.State).SingleAsync(b => b.Id == bot.Id);
        Assert.Equal(_alice, stored.UserId);
        Assert.Equal("BTCUSDT", stored.Symbol);
        Assert.False(stored.IsActive);
        Assert.Equal(BotStatus.Stopped, stored.State!.Status);
        Assert.Equal(0.5m, stored.Risk.PartialTakeProfits[0].Ratio);
        Assert.Equal(9, stored.StrategyParams.RootElement.GetProperty("ema_fast").GetInt32());
    }

    [Fact]
    public async Task Create_lists_every_problem_by_field_and_saves_nothing()
    {
        var draft = BotFixtures.Draft(name: "");
        draft.Symbol = "NOPEUSDT";
        draft.Timeframe = "7m";
        draft.CheckIntervalSeconds = 2;
        draft.StrategyParams = JsonDocument.Parse("""{"ema_fast": 30, "ema_slow": 20, "rsi_period": 1}""");
        draft.Risk = draft.Risk with { StopLossPerc = 120 };
        draft.Risk = draft.Risk with { PartialTakeProfits = [new(3, 0.6m), new(1, 0.6m)] };

        var result = await _bots.CreateAsync(_alice, draft);

        Assert.Equal(BotOperationStatus.Invalid, result.Status);
        Assert.Equal(
            ["check_interval_seconds", "name", "partial_take_profits_config", "stop_loss_perc", "strategy_params.ema_fast", "strategy_params.rsi_period", "symbol", "timeframe"],
            result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("NOPEUSDT is not a trading symbol on Simulated market.", result.Errors["symbol"]);
        Assert.Contains(result.Errors["partial_take_profits_config"], m => m.Contains("increasing order", StringComparison.Ordinal));
        Assert.Contains(result.Errors["partial_take_profits_config"], m => m.StartsWith("The ratios add up to 1.2 (120 %)", StringComparison.Ordinal));
        Assert.Empty(await _bots.ListAsync(_alice));
    }

    [Fact]
    public async Task The_fast_ema_rule_is_reported_under_its_parameter_when_the_fields_are_valid_alone()
    {
        var draft = BotFixtures.Draft();
        draft.StrategyParams = JsonDocument.Parse("""{"ema_fast": 30, "ema_slow": 20}""");
        var result = await _bots.CreateAsync(_alice, draft);
        Assert.Equal(["Fast EMA period must be smaller than the slow EMA period."], result.Errors!["strategy_params.ema_fast"]);
    }

    [Fact]
    public async Task Live_exchanges_need_a_valid_key_of_that_exchange()
    {
        var result = await _bots.CreateAsync(_alice, BotFixtures.Draft(exchange: ExchangeNames.BinanceTestnet));
        Assert.Equal(BotOperationStatus.Invalid, result.Status);
        Assert.Contains(result.Errors!["exchange_name"], m => m.Contains("needs a valid API key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Both_position_sizes_at_once_are_refused_as_ambiguous()
    {
        var draft = BotFixtures.Draft();
        draft.Risk = draft.Risk with { PositionSizeFixed = 100 };
        var result = await _bots.CreateAsync(_alice, draft);
        Assert.Equal(["position_size_fixed"], result.Errors!.Keys);
    }

    [Fact]
    public async Task Another_users_bot_is_invisible_and_every_command_on_it_is_refused()
    {
        var bot = await CreateAsync(_alice);
        await BotFixtures.AddTradeAsync(_alice, bot.Id, DateTime.UtcNow);

        Assert.Null(await _bots.GetAsync(_mallory, bot.Id));
        Assert.Empty(await _bots.ListAsync(_mallory));
        Assert.Null(await _bots.GetHistoryCountsAsync(_mallory, bot.Id));
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.UpdateAsync(_mallory, bot.Id, BotFixtures.Draft("stolen"))).Status);
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.StartAsync(_mallory, bot.Id)).Status);
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.StopAsync(_mallory, bot.Id)).Status);
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.CloneAsync(_mallory, bot.Id)).Status);
        Assert.Equal(BotOperationStatus.NotFound, (await _bots.DeleteAsync(_mallory, bot.Id, deleteHistory: true)).Status);
        Assert.Empty(_schedule.Calls);

        var mine = await _bots.GetAsync(_alice, bot.Id);
        Assert.Equal("BTC trend", mine!.Name);
        Assert.Equal(1, (await _bots.GetHistoryCountsAsync(_alice, bot.Id))!.Trades);
    }

    [Fact]
    public async Task Start_and_stop_set_the_columns_and_the_schedule()
    {
        var bot = await CreateAsync(_alice);
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotStates.Where(s => s.BotConfigId == bot.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, BotStatus.Error).SetProperty(x => x.LastErrorMessage, "boom").SetProperty(x => x.ConsecutiveFailures, 5));

        Assert.True((await _bots.StartAsync(_alice, bot.Id)).Succeeded);
        var started = await _bots.GetAsync(_alice, bot.Id);
        Assert.True(started!.IsActive);
        Assert.Equal(BotStatus.Running, started.State!.Status);
        Assert.Null(started.State.LastErrorMessage);
        Assert.Equal(0, started.State.ConsecutiveFailures);
        Assert.Equal(30, _schedule.Scheduled[bot.Id]);

        Assert.True((await _bots.StopAsync(_alice, bot.Id)).Succeeded);
        var stopped = await _bots.GetAsync(_alice, bot.Id);
        Assert.False(stopped!.IsActive);
        Assert.Equal(BotStatus.Stopped, stopped.State!.Status);
        Assert.False(_schedule.Scheduled.ContainsKey(bot.Id));

        // The owner's own actions are in the bot's activity log, oldest first.
        await using var check = await TestDatabase.SharedContextAsync();
        var log = await check.BotActivityLogs.AsNoTracking().Where(l => l.BotConfigId == bot.Id).OrderBy(l => l.Id)
            .Select(l => new { l.UserId, l.LogLevel, l.Message }).ToListAsync();
        Assert.Equal(new[]
        {
            new { UserId = _alice, LogLevel = ActivityLogLevel.Info, Message = "Started by its owner; checks every 30 s." },
            new { UserId = _alice, LogLevel = ActivityLogLevel.Info, Message = "Stopped by its owner. An open position stays open." },
        }, log);
    }

    [Fact]
    public async Task Editing_a_running_bot_reschedules_only_when_the_interval_changed()
    {
        var bot = await CreateAsync(_alice);
        await _bots.StartAsync(_alice, bot.Id);
        var callsAfterStart = _schedule.Calls.Count;

        var sameInterval = BotFixtures.Draft("renamed");
        Assert.True((await _bots.UpdateAsync(_alice, bot.Id, sameInterval)).Succeeded);
        Assert.Equal(callsAfterStart, _schedule.Calls.Count);

        var faster = BotFixtures.Draft("renamed");
        faster.CheckIntervalSeconds = 10;
        faster.Risk = faster.Risk with { StopLossPerc = 3 };
        Assert.True((await _bots.UpdateAsync(_alice, bot.Id, faster)).Succeeded);
        Assert.Equal($"schedule {bot.Id} 10", _schedule.Calls.Last());
        var stored = await _bots.GetAsync(_alice, bot.Id);
        Assert.Equal((10, 3m, "renamed", true), (stored!.CheckIntervalSeconds, stored.Risk.StopLossPerc!.Value, stored.Name, stored.IsActive));
    }

    [Fact]
    public async Task Invalid_edits_change_nothing_and_a_position_pins_the_symbol()
    {
        var bot = await CreateAsync(_alice);
        var bad = BotFixtures.Draft("x");
        bad.Risk = bad.Risk with { TakeProfitPerc = -1 };
        Assert.Equal(BotOperationStatus.Invalid, (await _bots.UpdateAsync(_alice, bot.Id, bad)).Status);
        Assert.Equal("BTC trend", (await _bots.GetAsync(_alice, bot.Id))!.Name);

        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotStates.Where(s => s.BotConfigId == bot.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.InPosition, true));
        var otherSymbol = BotFixtures.Draft();
        otherSymbol.Symbol = "ETHUSDT";
        var result = await _bots.UpdateAsync(_alice, bot.Id, otherSymbol);
        Assert.Equal(["symbol"], result.Errors!.Keys);
    }

    [Fact]
    public async Task Clone_copies_the_settings_into_a_stopped_bot_with_a_fresh_state()
    {
        var bot = await CreateAsync(_alice);
        await _bots.StartAsync(_alice, bot.Id);

        var clone = (await _bots.CloneAsync(_alice, bot.Id)).Bot!;
        var original = await _bots.GetAsync(_alice, bot.Id);

        var copy = await _bots.GetAsync(_alice, clone.Id);
        Assert.Equal("BTC trend (copy)", copy!.Name);
        Assert.False(copy.IsActive);
        Assert.Equal(BotStatus.Stopped, copy.State!.Status);
        Assert.Equal((bot.Symbol, bot.Risk.StopLossPerc, bot.Risk.TrailingStopPerc), (copy.Symbol, copy.Risk.StopLossPerc, copy.Risk.TrailingStopPerc));
        Assert.Equal(original!.Risk, copy.Risk);
        Assert.Equal(original.StrategyParams.RootElement.GetRawText(), copy.StrategyParams.RootElement.GetRawText());
        Assert.Equal(2, (await _bots.ListAsync(_alice)).Count);
        Assert.False(_schedule.Scheduled.ContainsKey(clone.Id));
    }

    [Fact]
    public async Task Clone_keeps_the_rules_of_a_custom_rules_bot()
    {
        var draft = BotFixtures.Draft("rules bot");
        draft.StrategyType = RuleStrategy.TypeName;
        draft.StrategyParams = RuleDocumentWriter.ToJsonDocument(RuleTemplates.MacdCross(8, 21, 5));
        var bot = (await _bots.CreateAsync(_alice, draft)).Bot!;

        var copy = await _bots.GetAsync(_alice, (await _bots.CloneAsync(_alice, bot.Id)).Bot!.Id);
        Assert.Equal(RuleStrategy.TypeName, copy!.StrategyType);
        var read = RuleDocumentReader.Read(copy.StrategyParams.RootElement);
        Assert.Equal(RuleDocumentWriter.ToJson(RuleTemplates.MacdCross(8, 21, 5)), RuleDocumentWriter.ToJson(read.Document!));
    }

    [Fact]
    public async Task Delete_keeps_trades_and_logs_unless_explicitly_told_and_stops_a_running_bot_first()
    {
        var bot = await CreateAsync(_alice);
        await _bots.StartAsync(_alice, bot.Id);
        await BotFixtures.AddTradeAsync(_alice, bot.Id, DateTime.UtcNow);
        await BotFixtures.AddTradeAsync(_alice, bot.Id, DateTime.UtcNow, OrderSide.Sell, pnl: 3);
        await BotFixtures.AddLogAsync(_alice, bot.Id, "hello");

        var refused = await _bots.DeleteAsync(_alice, bot.Id, deleteHistory: false);
        Assert.Equal(BotOperationStatus.HasHistory, refused.Status);
        // Two trades, "hello" and the start entry.
        Assert.Equal(new BotHistoryCounts(2, 2), refused.History);
        Assert.NotNull(await _bots.GetAsync(_alice, bot.Id));
        Assert.True(_schedule.Scheduled.ContainsKey(bot.Id));

        var deleted = await _bots.DeleteAsync(_alice, bot.Id, deleteHistory: true);
        Assert.True(deleted.Succeeded);
        Assert.False(_schedule.Scheduled.ContainsKey(bot.Id));
        Assert.Null(await _bots.GetAsync(_alice, bot.Id));
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(0, await db.Trades.CountAsync(t => t.BotConfigId == bot.Id));
        Assert.Equal(0, await db.BotActivityLogs.CountAsync(l => l.BotConfigId == bot.Id));
        Assert.Equal(0, await db.BotStates.CountAsync(s => s.BotConfigId == bot.Id));
    }

    [Fact]
    public async Task A_bot_without_history_is_deleted_without_the_extra_consent()
    {
        var bot = await CreateAsync(_alice);
        Assert.True((await _bots.DeleteAsync(_alice, bot.Id, deleteHistory: false)).Succeeded);
        Assert.Empty(await _bots.ListAsync(_alice));
    }

    [Fact]
    public async Task Start_runs_the_full_validation_again()
    {
        var bot = await CreateAsync(_alice);
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.BotConfigs.Where(b => b.Id == bot.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ExchangeName, ExchangeNames.Binance));
        var result = await _bots.StartAsync(_alice, bot.Id);
        Assert.Equal(BotOperationStatus.Invalid, result.Status);
        Assert.Contains("exchange_name", result.Errors!.Keys);
        Assert.Empty(_schedule.Calls);
    }
}
