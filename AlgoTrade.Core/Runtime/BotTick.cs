using System.Text.Json;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Runtime;

/// <summary>What one tick collects before its single commit: the bot, its tracked state, new trades and log rows.</summary>
internal sealed class BotTick(BotConfig bot, BotState state, DateTime now)
{
    public BotConfig Bot { get; } = bot;
    public BotState State { get; } = state;
    public DateTime Now { get; } = now;
    public List<Trade> Trades { get; } = [];
    /// <summary>Rows that belong with this tick's decisions and commit in its transaction.</summary>
    public List<BotActivityLog> Logs { get; } = [];
    /// <summary>Routine rows written afterwards by the batched writer.</summary>
    public List<BotActivityLog> RoutineLogs { get; } = [];
    /// <summary>The last price seen this tick (or the last one stored), for checkpoints.</summary>
    public double LastPrice { get; set; } = double.NaN;

    private int _savedTrades;
    private int _savedLogs;

    public IEnumerable<Trade> TakeUnsavedTrades()
    {
        var unsaved = Trades.Skip(_savedTrades).ToList();
        _savedTrades = Trades.Count;
        return unsaved;
    }

    public IEnumerable<BotActivityLog> TakeUnsavedLogs()
    {
        var unsaved = Logs.Skip(_savedLogs).ToList();
        _savedLogs = Logs.Count;
        return unsaved;
    }

    public void Log(ActivityLogLevel level, string message, object? details = null, bool routine = false)
    {
        var row = new BotActivityLog
        {
            BotConfigId = Bot.Id,
            UserId = Bot.UserId,
            Timestamp = Now,
            LogLevel = level,
            Message = message,
            Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
        };
        (routine ? RoutineLogs : Logs).Add(row);
    }
}
