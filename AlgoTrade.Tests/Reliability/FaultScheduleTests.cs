using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Hosting.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Several live bots on the real tick path (BotRunner, OrderExecutor, the Binance client, PostgreSQL) trade against
/// the fake Binance while a seeded schedule throws every fault a real exchange and network throw. Afterwards the
/// exchange's own order record is the truth the bots' trades and bot_state must agree with.
/// </summary>
public class FaultScheduleTests(ITestOutputHelper output)
{
    private const int Rounds = 270;
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private sealed record FaultBot(int UserId, int BotId, string ApiKey, string Symbol, string BaseAsset);

    [Fact]
    public async Task A_seeded_fault_schedule_over_1000_ticks_never_doubles_or_loses_an_order_and_bots_agree_with_the_exchange()
    {
        var seed = FaultSchedule.SeedFromEnvironment();
        output.WriteLine($"Fault schedule seed {seed} (replay with {FaultSchedule.SeedVariable}={seed})");
        var schedule = new FaultSchedule(seed, T0, TickEvery * Rounds);
        var clock = new VirtualClock(T0);
        await using var server = await FakeBinanceServer.StartAsync();
        server.Clock = clock;
        server.PriceAt = schedule.PriceAt;
        schedule.Enabled = false;

        await using var services = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<BotEventHub>();
            s.AddSingleton<IBotEventHub>(sp => sp.GetRequiredService<BotEventHub>());
            s.AddSingleton<IBotScheduleControl, RecordingScheduleControl>();
            s.AddHttpClient(BinanceSpotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A new connection per request, so any request can meet a connect timeout.
                PooledConnectionLifetime = TimeSpan.Zero,
                ConnectCallback = async (context, ct) =>
                {
                    if (schedule.ConnectTimesOut())
                    {
                        await Task.Delay(TimeSpan.FromSeconds(3), ct);
                        throw new SocketException((int)SocketError.TimedOut);
                    }
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(context.DnsEndPoint, ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            });
        }, new Dictionary<string, string?>
        {
            ["Exchanges:Binance:BaseUrl"] = server.BaseUrl,
            ["Exchanges:Binance:RequestTimeout"] = "00:00:00.4",
        });
        server.FaultPlan = schedule.FaultFor;

        var bots = new List<FaultBot>();
        for (var i = 0; i < 4; i++)
            bots.Add(await CreateBotAsync(services, server, i, clock));

        var runner = services.GetRequiredService<IBotRunner>();
        var botService = services.GetRequiredService<BotService>();
        var outcomes = new Dictionary<TickOutcome, int>();
        var errorReasons = new List<string>();
        var restarts = 0;
        string? revokedSecret = null;
        var ticks = 0;
        var started = DateTime.UtcNow;
        schedule.Enabled = true;

        for (var round = 1; round <= Rounds; round++)
        {
            clock.AdvanceTo(T0 + TickEvery * round);
            if (schedule.NextClockSkew() is { } skew) server.ClockOffset = skew;
            // Halfway, the first bot's key is revoked on the exchange until its bot has stopped on it with the reason.
            if (round == Rounds / 2) server.Accounts.TryRemove(bots[0].ApiKey, out revokedSecret);
            var order = bots.ToList();
            schedule.Shuffle(order);
            foreach (var bot in order)
            {
                var outcome = await runner.TickAsync(bot.BotId, CancellationToken.None);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                if (outcome != TickOutcome.Skipped) ticks++;
                if (outcome == TickOutcome.BotDisabled)
                    errorReasons.Add((await RuntimeHarnessState(bot.BotId)).LastErrorMessage ?? "");
            }
            if (revokedSecret is not null && (errorReasons.Any(r => r.Contains("Invalid API-key", StringComparison.Ordinal)) || round == Rounds - 20))
            {
                server.Accounts[bots[0].ApiKey] = revokedSecret;
                revokedSecret = null;
            }
            // The owner starts a bot in error again after a minute, as the bot page lets them.
            if (round % 4 == 0)
                foreach (var bot in bots)
                    if ((await RuntimeHarnessState(bot.BotId)).Status == BotStatus.Error
                        && (await botService.StartAsync(bot.UserId, bot.BotId)).Status == BotOperationStatus.Ok)
                        restarts++;
        }
        var faultsServed = server.FaultsServed.ToDictionary();

        // Settle: the faults stop, every order in flight passes its window, bots in error are started again, and every
        // bot ticks until nothing is left to reconcile.
        schedule.Enabled = false;
        server.ClockOffset = TimeSpan.Zero;
        clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var bot in bots)
            if ((await RuntimeHarnessState(bot.BotId)).Status == BotStatus.Error)
                Assert.Equal(BotOperationStatus.Ok, (await botService.StartAsync(bot.UserId, bot.BotId)).Status);
        for (var settle = 0; settle < 4; settle++)
        {
            clock.Advance(TickEvery);
            foreach (var bot in bots)
                await runner.TickAsync(bot.BotId, CancellationToken.None);
        }
        var elapsed = DateTime.UtcNow - started;

        var report = new StringBuilder();
        report.AppendLine($"seed {seed}: {ticks} ticks of {bots.Count} bots over {clock.UtcNow - T0.UtcDateTime:g} of exchange time ({clock.Waited.TotalSeconds:0} s of it in waits and backoffs), {elapsed.TotalSeconds:0} s real");
        report.AppendLine($"tick outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}; restarts by the owner: {restarts}");
        report.AppendLine($"faults served: {string.Join(", ", faultsServed.OrderBy(f => f.Key.ToString()).Select(f => $"{f.Key} {f.Value}"))}, ConnectTimeout {schedule.ConnectTimeouts}, ClockSkew {schedule.ClockSkews}, PriceGap {schedule.Gaps.Count}");
        report.AppendLine($"order requests sent: {server.OrderPosts}");

        var problems = new List<string>();
        var totals = new int[6];
        foreach (var bot in bots)
            problems.AddRange(await CheckAgainstExchangeAsync(server, bot, report, totals));
        report.AppendLine($"all bots: {totals[0]} client order ids decided, {totals[1]} exchange orders, {totals[2]} trades, {totals[3]} refused by the exchange, {totals[4]} dropped as never executed, {totals[5]} retried after a failure before acceptance; 0 duplicate and 0 lost expected");
        foreach (var reason in errorReasons.Distinct())
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Contains("   at ", StringComparison.Ordinal) || reason.Contains("Exception", StringComparison.Ordinal))
                problems.Add($"A bot went to error without a readable reason: \"{reason}\"");
        }
        report.AppendLine($"bots put in error: {errorReasons.Count}, reasons: {string.Join(" | ", errorReasons.Distinct().Take(6))}");
        output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());

        Assert.True(problems.Count == 0, $"seed {seed}:\n" + string.Join("\n", problems.Take(40)));
        Assert.True(ticks >= 1000, $"Only {ticks} ticks ran.");
        Assert.True(totals[1] >= 40, $"Only {totals[1]} orders reached the exchange: the schedule exercised too little.");
        Assert.Contains(errorReasons, r => r.Contains("Invalid API-key", StringComparison.Ordinal));
        foreach (var kind in FaultSchedule.OrderFaults)
            Assert.True(faultsServed.GetValueOrDefault(kind) > 0, $"seed {seed}: no {kind} was served");
        Assert.True(schedule.ConnectTimeouts > 0 && schedule.ClockSkews > 0, $"seed {seed}: no connect timeout or no clock skew");
    }

    /// <summary>The exchange's order record per bot against the bot's trades, bot_state and activity log.</summary>
    private static async Task<List<string>> CheckAgainstExchangeAsync(FakeBinanceServer server, FaultBot bot, StringBuilder report, int[] totals)
    {
        var problems = new List<string>();
        var state = await RuntimeHarnessState(bot.BotId);
        List<Trade> trades;
        List<BotActivityLog> logs;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            trades = await db.Trades.AsNoTracking().Where(t => t.BotConfigId == bot.BotId).OrderBy(t => t.Id).ToListAsync();
            logs = await db.BotActivityLogs.AsNoTracking().Where(l => l.BotConfigId == bot.BotId).ToListAsync();
        }
        var orders = server.Orders.Where(o => o.ApiKey == bot.ApiKey).ToList();
        var prefix = $"bot {bot.BotId}:";

        foreach (var group in orders.GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1))
            problems.Add($"{prefix} client order id {group.Key} was executed {group.Count()} times by the exchange (duplicate)");
        var issued = Enumerable.Range(1, state.OrderSequence).Select(n => OrderExecutor.ClientOrderIdFor(bot.BotId, n)).ToHashSet();
        foreach (var o in orders.Where(o => !issued.Contains(o.ClientOrderId)))
            problems.Add($"{prefix} the exchange holds order {o.ClientOrderId} that the bot never decided");

        foreach (var o in orders)
        {
            var booked = trades.Where(t => t.ClientOrderId == o.ClientOrderId).ToList();
            if (o.ExecutedQuantity == 0)
            {
                if (booked.Count > 0) problems.Add($"{prefix} order {o.ClientOrderId} never filled but has a trade");
                continue;
            }
            if (booked.Count != 1)
            {
                problems.Add($"{prefix} exchange order {o.ClientOrderId} ({o.Side} {o.ExecutedQuantity} at {o.FillPrice}) has {booked.Count} trades (lost or doubled)");
                continue;
            }
            var t = booked[0];
            var expectedQuantity = o.Side == "BUY" && o.CommissionAsset == bot.BaseAsset ? o.ExecutedQuantity - o.Commission : o.ExecutedQuantity;
            if (t.BinanceOrderId != o.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture) || t.Price != o.FillPrice
                || t.QuantityFilled != expectedQuantity || t.QuoteQuantityFilled != o.QuoteQuantity || (t.Side == OrderSide.Buy) != (o.Side == "BUY"))
                problems.Add($"{prefix} trade {t.ClientOrderId} says {t.Side} {t.QuantityFilled} for {t.QuoteQuantityFilled} at {t.Price}, the exchange {o.Side} {expectedQuantity} for {o.QuoteQuantity} at {o.FillPrice}");
        }
        foreach (var t in trades.Where(t => !orders.Any(o => o.ClientOrderId == t.ClientOrderId)))
            problems.Add($"{prefix} trade {t.ClientOrderId} has no order on the exchange (phantom)");

        // A doubled or lost intent under a second client order id shows here: the bot's position and cash against the
        // exchange's balances of the bot's own account.
        // Dust the exchange cannot sell stays in the account; the bot logs each amount it leaves there.
        var coins = server.Balances.GetValueOrDefault((bot.ApiKey, bot.BaseAsset));
        var dust = logs.Where(l => l.Details?.RootElement.TryGetProperty("dust", out _) == true).Sum(l => l.Details!.RootElement.GetProperty("dust").GetDecimal());
        var position = state.InPosition ? state.CurrentPositionSizeCoins ?? 0 : 0;
        if (Math.Abs(position + dust - coins) > 0.000001m)
            problems.Add($"{prefix} bot_state holds {position} {bot.BaseAsset} and left {dust} as dust, the exchange account holds {coins}");
        var engine = BacktestJson.Deserialize<PositionState>(state.EngineState!)!;
        var cash = server.Balances.GetValueOrDefault((bot.ApiKey, "USDT"));
        if (Math.Abs((decimal)engine.Cash - cash) > 0.01m)
            problems.Add($"{prefix} the bot counts {engine.Cash:0.########} USDT cash, the exchange account holds {cash}");
        if (state.PendingOrders is not null)
            problems.Add($"{prefix} orders still unreconciled after settling: {state.PendingOrders}");
        if (state.Status != BotStatus.Running && state.Status != BotStatus.Paused)
            problems.Add($"{prefix} did not resume after the faults stopped: {state.Status} ({state.LastErrorMessage})");

        var refused = logs.Count(l => l.Message.Contains("order refused by", StringComparison.Ordinal));
        var dropped = logs.Count(l => l.Message.Contains("was never executed by the exchange", StringComparison.Ordinal));
        var counts = new[] { issued.Count, orders.Count, trades.Count, refused, dropped, issued.Count - orders.Count - refused - dropped };
        for (var i = 0; i < counts.Length; i++) totals[i] += counts[i];
        report.AppendLine($"{prefix} {bot.Symbol}: {counts[0]} ids, {counts[1]} exchange orders ({orders.Count(o => o.Status == "EXPIRED")} partial), {counts[2]} trades, {counts[3]} refused, {counts[4]} dropped; position {position} + dust {dust} = exchange {coins} {bot.BaseAsset}; cash {engine.Cash:0.##} vs exchange {cash:0.##} USDT; {state.Status}");
        return problems;
    }

    private static async Task<BotState> RuntimeHarnessState(int botId)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        return await db.BotStates.AsNoTracking().SingleAsync(s => s.BotConfigId == botId);
    }

    private static async Task<FaultBot> CreateBotAsync(ServiceProvider services, FakeBinanceServer server, int index, VirtualClock clock)
    {
        var symbol = index % 2 == 0 ? "BTCUSDT" : "ETHUSDT";
        var baseAsset = symbol[..3];
        var apiKey = $"faultkey{index}{Guid.NewGuid():N}{Guid.NewGuid():N}"[..64];
        var secret = $"faultsecret{index}{Guid.NewGuid():N}{Guid.NewGuid():N}"[..64];
        server.AddAccount(apiKey, secret, usdt: 10_000m, btc: 0m);
        server.Balances[(apiKey, baseAsset)] = 0m;

        var now = clock.UtcNow;
        await using var db = await TestDatabase.SharedContextAsync();
        var user = new User { Email = TestUsers.NewEmail("faults"), HashedPassword = "x", CreatedAt = now, UpdatedAt = now };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var keys = services.GetRequiredService<ApiKeyService>();
        var key = (await keys.AddAsync(user.Id, new NewApiKey(ExchangeNames.Binance, "main", apiKey, secret))).Key!;
        // The first requests of a cold process (JIT, Kestrel) can outlast the short timeout: ask again.
        for (var attempt = 0; attempt < 5 && !key.IsValid; attempt++)
            key = (await keys.RevalidateAsync(user.Id, key.Id))!;
        Assert.True(key.IsValid, "The fake exchange should accept the bot's key: " + key.ValidationMessage);

        // Two risk profiles: stops, trailing and a partial take-profit; or a plain stop and take-profit.
        var rich = index < 2;
        var bot = new BotConfig
        {
            UserId = user.Id,
            Name = $"fault bot {index}",
            Symbol = symbol,
            Timeframe = "1m",
            ExchangeName = ExchangeNames.Binance,
            IsActive = true,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse(rich
                ? """{"ema_fast": 3, "ema_slow": 8, "rsi_period": 5, "rsi_overbought": 90}"""
                : """{"ema_fast": 2, "ema_slow": 5, "rsi_period": 4, "rsi_overbought": 95}"""),
            Risk = new RiskSettings
            {
                InitialCapital = 10_000m,
                PositionSizePerc = rich ? 50m : 40m,
                StopLossPerc = rich ? 0.8m : 1.5m,
                TakeProfitPerc = rich ? 1.6m : 1.2m,
                TrailingStopActive = rich,
                TrailingStopPerc = rich ? 0.6m : null,
                PartialTakeProfits = rich ? [new PartialTakeProfit(0.7m, 0.5m)] : [],
            },
            CheckIntervalSeconds = (int)TickEvery.TotalSeconds,
            CreatedAt = now,
            UpdatedAt = now,
            State = new BotState { Status = BotStatus.Running, LastUpdatedAt = now },
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return new FaultBot(user.Id, bot.Id, apiKey, symbol, baseAsset);
    }
}
