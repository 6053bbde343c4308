using System.Text.Json;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// One tick of one bot, the live driver of the same <see cref="RiskEngine"/> the backtester uses:
/// reconcile → candles and price → engine (new closed candles, then the pending order and the stops at the last
/// price) → orders with client ids written down before sending → one transaction (trades, bot_state, logs) →
/// events after commit.
/// </summary>
public sealed class BotRunner(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IExchangeClientFactory exchanges,
    IBotCredentialsProvider credentials,
    ActivityLogWriter logWriter,
    IBotEventHub events,
    INotificationSink notifications,
    IOptions<RuntimeOptions> options,
    WarmStrategies strategies,
    TimeProvider clock,
    ILogger<BotRunner> logger) : IBotRunner
{
    public async Task<TickOutcome> TickAsync(int botId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bot = await db.BotConfigs.Include(b => b.State).SingleOrDefaultAsync(b => b.Id == botId, cancellationToken);
        if (bot?.State is null || !bot.IsActive || bot.State.Status is not (BotStatus.Running or BotStatus.Paused))
        {
            strategies.Forget(botId);
            return TickOutcome.Skipped;
        }

        var tick = new BotTick(bot, bot.State, clock.GetUtcNow().UtcDateTime);
        try
        {
            var outcome = await RunAsync(db, tick, cancellationToken);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tick of bot {BotId} failed", botId);
            // The tick's own context may hold half-done changes: the failure is written in a fresh one.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var reloaded = await fresh.BotConfigs.Include(b => b.State).SingleOrDefaultAsync(b => b.Id == botId, cancellationToken);
            if (reloaded?.State is null) return TickOutcome.Skipped;
            return await FailAsync(fresh, new BotTick(reloaded, reloaded.State, clock.GetUtcNow().UtcDateTime), engine: null,
                ex.GetType().Name + ": " + ex.Message, permanent: false, error: null, cancellationToken);
        }
    }

    private async Task<TickOutcome> RunAsync(AlgoTradeDbContext db, BotTick tick, CancellationToken ct)
    {
        var bot = tick.Bot;
        var state = tick.State;
        // The same validator as the form and the CLI: settings edited in the database by hand are caught here.
        var problems = BotConfigValidator.ValidateSettings(bot);
        if (problems.Count > 0)
            return await FailAsync(db, tick, engine: null, "The bot's settings are invalid: " + string.Join(" ", problems.SelectMany(e => e.Value)), permanent: true, error: null, ct);
        var feeRate = ExchangeNames.RequiresApiKey(bot.ExchangeName) ? options.Value.LiveFeeRate : (decimal?)null;
        var settings = RiskSettings.FromBotConfig(bot, out var settingErrors, feeRate);
        if (settingErrors.Count > 0)
            return await FailAsync(db, tick, engine: null, "The bot's settings are invalid: " + string.Join(" ", settingErrors.SelectMany(e => e.Value)), permanent: true, error: null, ct);
        // The validator above checked timeframe, strategy and parameters; these only turn the columns into values.
        var timeframe = Timeframe.Parse(bot.Timeframe);
        var definition = StrategyRegistry.Get(bot.StrategyType);
        var parameters = definition.Validate(bot.StrategyParams.RootElement).Parameters!;

        ExchangeCredentials? keys = null;
        if (ExchangeNames.RequiresApiKey(bot.ExchangeName))
        {
            keys = await credentials.GetAsync(bot.UserId, bot.ExchangeName, ct);
            if (keys is null)
                return await FailAsync(db, tick, engine: null, $"No valid {bot.ExchangeName} API key: add or re-validate one on the API keys page.", permanent: true, error: null, ct);
        }
        var client = exchanges.Create(bot.ExchangeName, keys, bot.Id);
        var positionState = string.IsNullOrEmpty(state.EngineState)
            ? PositionState.Initial(settings.InitialCapital)
            : BacktestJson.Deserialize<PositionState>(state.EngineState)!;
        var engine = new RiskEngine(settings, timeframe, positionState);
        var orders = new OrderExecutor(db, client, tick, engine, clock);
        var driver = new LiveFillDriver(orders, tick);
        tick.LastPrice = state.LastPrice is { } known ? (double)known : double.NaN;

        // 1. An order whose outcome is unknown is settled before anything else happens.
        var reconciled = await orders.ReconcileAsync(ct);
        if (reconciled is { } stuck)
            return await FailAsync(db, tick, engine, $"{bot.ExchangeName}: {stuck.Message}", permanent: false, stuck, ct);

        // 2. Candles and the last price. The bot's warm strategy only needs what closed since its last tick;
        // without one, a new strategy is warmed on the last `window` closed candles (the client pages its requests).
        var window = RuntimeOptions.WarmUpWindow(options.Value.CandleWindow, definition.WarmUpPeriod(parameters));
        var warm = TakeWarmStrategy(bot, state, timeframe, window, tick.Now);
        var coldStart = warm is null;
        warm ??= new WarmStrategy(StrategyFingerprint(bot), definition.Create(parameters));
        // One more than the clock says have closed: the exchange's clock decides which candles are closed.
        var fetched = coldStart
            ? await client.GetClosedKlinesAsync(bot.Symbol, bot.Timeframe, window, ct: ct)
            : await client.GetClosedKlinesAsync(bot.Symbol, bot.Timeframe, MissingCandles(warm.FedThrough!.Value, timeframe, tick.Now) + 1,
                startTime: warm.FedThrough!.Value + timeframe.Duration, ct: ct);
        if (!fetched.Success)
            return await ExchangeFailureAsync(db, tick, engine, fetched.Error, ct);
        var klines = fetched.Data;
        var lastPrice = await client.GetLastPriceAsync(bot.Symbol, ct);
        if (!lastPrice.Success)
            return await ExchangeFailureAsync(db, tick, engine, lastPrice.Error, ct);
        var price = (double)lastPrice.Data;
        tick.LastPrice = price;

        // 3. The strategy sees every closed candle once, in order; new ones go through the engine.
        var strategy = warm.Strategy;
        var firstTick = state.LastCandleOpenTime is null;
        foreach (var k in klines)
        {
            var candle = k.ToCandle();
            if (warm.FedThrough is { } fed && candle.OpenTime <= fed) continue;
            var signal = strategy.OnCandle(in candle);
            warm.FedThrough = candle.OpenTime;
            if (state.LastCandleOpenTime is { } last && candle.OpenTime <= last) continue;
            if (!firstTick && !await engine.RunAsync(engine.CandleStep(in candle, signal), driver, ct))
                return await ExchangeFailureAsync(db, tick, engine, driver.Error!, ct);
            state.LastCandleOpenTime = candle.OpenTime;
        }
        if (firstTick)
            tick.Log(ActivityLogLevel.Info, $"Started: indicators warmed up on {klines.Count} closed {bot.Timeframe} candles", new { candles = klines.Count, last_price = price });

        // 4. Between candles, at the last price: the order decided at the last close goes out at the market, then an
        // owner's force exit, then stops, take-profits and the duration limit (the same rules as within a candle).
        if (!await engine.RunAsync(engine.PriceStep(tick.Now, price, forceExit: state.ForceExitRequested), driver, ct))
            return await ExchangeFailureAsync(db, tick, engine, driver.Error!, ct);
        state.ForceExitRequested = false;

        await CommitAsync(db, tick, engine, price, ct);
        strategies.Put(bot.Id, warm, TimeSpan.FromSeconds(bot.CheckIntervalSeconds));
        return TickOutcome.Completed;
    }

    /// <summary>
    /// The bot's strategy from its last tick, if it belongs to these settings and can catch up: it must not be
    /// ahead of the candles the bot has processed (another node may have run ticks since), nor so far behind
    /// that catching up would cost more than warming a new one.
    /// </summary>
    private WarmStrategy? TakeWarmStrategy(BotConfig bot, BotState state, Timeframe timeframe, int window, DateTime now)
    {
        var warm = strategies.Take(bot.Id, StrategyFingerprint(bot));
        if (warm?.FedThrough is not { } fed || state.LastCandleOpenTime is not { } seen || fed > seen) return null;
        return MissingCandles(fed, timeframe, now) <= window ? warm : null;
    }

    /// <summary>Closed candles after the one opening at <paramref name="fedThrough"/>, by the clock.</summary>
    private static int MissingCandles(DateTime fedThrough, Timeframe timeframe, DateTime now)
    {
        var lastClosedOpen = KlineIntervals.OpenTimeOf(timeframe.Code, now) - timeframe.Duration;
        return lastClosedOpen <= fedThrough ? 0 : (int)Math.Min(int.MaxValue, (lastClosedOpen - fedThrough).Ticks / timeframe.Duration.Ticks);
    }

    /// <summary>Everything a strategy's signals depend on: another market or other parameters start a new one.</summary>
    private static string StrategyFingerprint(BotConfig bot) =>
        string.Join('|', bot.ExchangeName, bot.Symbol, bot.Timeframe, bot.StrategyType, bot.StrategyParams.RootElement.GetRawText());

    private async Task CommitAsync(AlgoTradeDbContext db, BotTick tick, RiskEngine engine, double price, CancellationToken ct)
    {
        var state = tick.State;
        state.LastErrorMessage = null;
        state.ConsecutiveFailures = 0;
        state.PendingOrders = null;
        await TickCheckpoint.SaveAsync(db, tick, engine, price, ct);
        foreach (var row in tick.RoutineLogs) logWriter.Enqueue(row);
        Publish(tick);
    }

    private void Publish(BotTick tick)
    {
        var bot = tick.Bot;
        foreach (var t in tick.Trades)
            events.Publish(new TradeExecuted(bot.Id, bot.UserId, t.Timestamp, t.Id, t.Symbol, t.Side.ToText(), t.Price, t.QuantityFilled, t.Pnl, t.ExitReason ?? t.EntryReason));
        foreach (var l in tick.Logs)
            events.Publish(new LogWritten(bot.Id, bot.UserId, l.Timestamp, l.LogLevel, l.Message));
        events.Publish(new BotStateChanged(bot.Id, bot.UserId, tick.Now, tick.State.Status));
    }

    private Task<TickOutcome> ExchangeFailureAsync(AlgoTradeDbContext db, BotTick tick, RiskEngine engine, ExchangeError error, CancellationToken ct)
    {
        // Raised here, on the node that ran the tick, so a cluster tells the owner once.
        if (error.Kind == ExchangeErrorKind.InvalidApiKey)
            notifications.Notify(tick.Bot.UserId, NotificationTypes.ApiKeyInvalid,
                ApiKeyNotifications.Rejected(tick.Bot.ExchangeName, null, error.Message, tick.Bot.Id, tick.Bot.Name, tick.Now));
        return FailAsync(db, tick, engine, $"{tick.Bot.ExchangeName}: {error.Message}",
            permanent: error.Kind is ExchangeErrorKind.InvalidApiKey or ExchangeErrorKind.BadSymbol, error, ct);
    }

    /// <summary>
    /// The one place a failed tick is recorded: the failure streak, the message, one error row in the activity log,
    /// and status error (the bot inactive) when the failure is permanent or the streak reaches
    /// <see cref="RuntimeOptions.MaxConsecutiveFailures"/>. With the tick's <paramref name="engine"/>, what already
    /// happened this tick is kept (fills that went through commit with their trades and the engine state, an order of
    /// unknown outcome stays written down) and the next tick retries.
    /// </summary>
    private async Task<TickOutcome> FailAsync(AlgoTradeDbContext db, BotTick tick, RiskEngine? engine, string message, bool permanent,
        ExchangeError? error, CancellationToken ct)
    {
        var state = tick.State;
        var limit = options.Value.MaxConsecutiveFailures;
        state.ConsecutiveFailures++;
        var giveUp = permanent || state.ConsecutiveFailures >= limit;
        state.LastErrorMessage = message.Length > 2000 ? message[..2000] : message;
        if (giveUp)
        {
            state.Status = BotStatus.Error;
            tick.Bot.IsActive = false;
        }
        tick.Log(ActivityLogLevel.Error,
            permanent ? $"Bot stopped with status error: {message}"
            : giveUp ? $"Tick failed {state.ConsecutiveFailures} times in a row; the bot is stopped with status error: {message}"
            : $"Tick failed (attempt {state.ConsecutiveFailures} of {limit}), retrying next tick: {message}",
            new
            {
                permanent, consecutive_failures = state.ConsecutiveFailures, kind = error?.Kind.ToString(), code = error?.Code,
                retry_after_seconds = error?.RetryAfter?.TotalSeconds,
            });
        if (engine is not null)
        {
            await TickCheckpoint.SaveAsync(db, tick, engine, tick.LastPrice, ct);
        }
        else
        {
            state.LastRunAt = tick.Now;
            state.LastUpdatedAt = tick.Now;
            db.BotActivityLogs.AddRange(tick.TakeUnsavedLogs());
            await db.SaveChangesAsync(ct);
        }
        Publish(tick);
        return giveUp ? TickOutcome.BotDisabled : TickOutcome.FailedTransient;
    }

    internal static decimal? ToDecimal(double? value) =>
        value is { } v && double.IsFinite(v) ? Math.Round((decimal)v, 12) : null;
}
