using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// The live side of <see cref="RiskEngine.RunAsync{TDriver}"/>: each intent goes to the exchange through the
/// <see cref="OrderExecutor"/>, and each candle's decision becomes a line of the bot's activity log.
/// </summary>
internal sealed class LiveFillDriver(OrderExecutor orders, BotTick tick) : IAsyncFillDriver
{
    /// <summary>Why the last step ended early; the tick stops with it.</summary>
    public ExchangeError? Error { get; private set; }

    public async ValueTask<bool> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken)
    {
        if (intent.Reason == FillReason.Manual)
            tick.Log(ActivityLogLevel.Warning, "Force exit requested by the owner: selling the whole position at the market", new { price = intent.Price });
        Error = await orders.ExecuteAsync(intent, referencePrice: true, cancellationToken);
        return Error is null;
    }

    public void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision)
    {
        var details = new { candle_open = candle.OpenTime, close = candle.Close, signal = signal.ToString(), decision = decision.ToString() };
        switch (decision)
        {
            case CandleDecision.EntryScheduled:
                tick.Log(ActivityLogLevel.Info, $"Entry signal at close {candle.Close:G10}: buying at the market", details);
                break;
            case CandleDecision.ExitScheduled:
                tick.Log(ActivityLogLevel.Info, $"Exit signal at close {candle.Close:G10}: selling at the market", details);
                break;
            case CandleDecision.EntryBlockedDailyTarget:
            case CandleDecision.EntryBlockedDailyLoss:
                tick.Log(ActivityLogLevel.Warning, decision == CandleDecision.EntryBlockedDailyTarget
                    ? "Entry blocked: today's profit target is reached" : "Entry blocked: today's loss limit is reached", details);
                tick.State.Status = BotStatus.Paused;
                break;
            case CandleDecision.EntrySkippedZeroSize:
                tick.Log(ActivityLogLevel.Warning, "Entry skipped: the position size is zero (no cash left)", details);
                break;
            default:
                tick.Log(ActivityLogLevel.Debug, $"Candle {candle.OpenTime:u} closed at {candle.Close:G10}: {signal}", details, routine: true);
                break;
        }
    }
}
